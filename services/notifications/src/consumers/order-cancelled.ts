import type { EventHandler } from '@retail/shared';
import { notificationHandler } from '../delivery/notification-handler';
import type { Dependencies } from '../dependencies';
import { renderOrderCancelled } from '../templates/order-cancelled';

export function orderCancelled(
  deps: Dependencies,
): EventHandler<'OrderCancelled'> {
  return notificationHandler(deps, renderOrderCancelled);
}
