import type { EventEnvelope } from '@retail/shared';
import { createOrderStore } from '../data/orders';
import type { Dependencies } from '../dependencies';
import { OrderStatusConflictError } from '../errors';
import type { Order, Rejection } from './order';

/** Inventory's result for an order, and the event that announces it. */
export interface Settlement {
  /** The inventory event type, for logs and errors. */
  cause: 'StockReserved' | 'StockRejected';
  status: 'CONFIRMED' | 'REJECTED';
  rejection?: Rejection;
  event(order: Order): EventEnvelope;
}

/**
 * Builds the operation that moves a PENDING order to CONFIRMED or REJECTED
 * and publishes the matching event. A redelivery that finds the order
 * already settled that way publishes the event again, with the same
 * envelope id. A CANCELLED order is left as it is. Throws OrderNotFoundError for an
 * unknown order and OrderStatusConflictError for one settled the other way.
 */
export function createSettleOrder(deps: Dependencies) {
  const orders = createOrderStore(deps);

  return async function settleOrder(
    orderId: string,
    settlement: Settlement,
  ): Promise<void> {
    const { order } = await orders.transition(orderId, {
      from: ['PENDING'],
      to: settlement.status,
      at: deps.now(),
      ...(settlement.rejection ? { rejection: settlement.rejection } : {}),
    });

    if (order.status === settlement.status) {
      await deps.publisher.publish([settlement.event(order)]);
      return;
    }
    if (order.status === 'CANCELLED') {
      deps.logger.info('order already cancelled, stock result ignored', {
        orderId,
        eventType: settlement.cause,
      });
      return;
    }
    throw new OrderStatusConflictError(
      orderId,
      order.status,
      `order ${orderId} is ${order.status}: ${settlement.cause} cannot make it ${settlement.status}`,
    );
  };
}
