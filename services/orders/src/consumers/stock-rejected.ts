import type { EventHandler } from '@retail/shared';
import type { Dependencies } from '../dependencies';
import { orderRejectedEvent } from '../domain/order-events';
import { createSettleOrder } from '../domain/settle-order';

/** StockRejected: PENDING to REJECTED, then OrderRejected. */
export function createStockRejectedHandler(
  deps: Dependencies,
): EventHandler<'StockRejected'> {
  const settleOrder = createSettleOrder(deps);

  return (payload) =>
    settleOrder(payload.orderId, {
      cause: 'StockRejected',
      status: 'REJECTED',
      rejection: { reason: payload.reason, sku: payload.sku },
      event: orderRejectedEvent,
    });
}
