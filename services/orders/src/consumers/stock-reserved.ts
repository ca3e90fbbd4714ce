import type { EventHandler } from '@retail/shared';
import type { Dependencies } from '../dependencies';
import { orderConfirmedEvent } from '../domain/order-events';
import { createSettleOrder } from '../domain/settle-order';

/** StockReserved: PENDING to CONFIRMED, then OrderConfirmed. */
export function createStockReservedHandler(
  deps: Dependencies,
): EventHandler<'StockReserved'> {
  const settleOrder = createSettleOrder(deps);

  return (payload) =>
    settleOrder(payload.orderId, {
      cause: 'StockReserved',
      status: 'CONFIRMED',
      event: orderConfirmedEvent,
    });
}
