import type { EventHandler } from '@retail/shared';
import { notificationHandler } from '../delivery/notification-handler';
import type { Dependencies } from '../dependencies';
import { renderOrderRejected } from '../templates/order-rejected';

export function orderRejected(
  deps: Dependencies,
): EventHandler<'OrderRejected'> {
  return notificationHandler(deps, renderOrderRejected);
}
