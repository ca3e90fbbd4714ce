import type { EventHandler } from '@retail/shared';
import { notificationHandler } from '../delivery/notification-handler';
import type { Dependencies } from '../dependencies';
import { renderOrderConfirmed } from '../templates/order-confirmed';

export function orderConfirmed(
  deps: Dependencies,
): EventHandler<'OrderConfirmed'> {
  return notificationHandler(deps, renderOrderConfirmed);
}
