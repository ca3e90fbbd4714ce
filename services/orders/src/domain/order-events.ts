import {
  createEnvelope,
  EVENT_SOURCES,
  type EventEnvelope,
  type EventPayload,
  type EventType,
} from '@retail/shared';
import type { Order } from './order';

// Each event announces one state change of one order, so its envelope id
// is "<type>:<orderId>" and its time is the change's time: a re-publish
// after a retry carries the same envelope and consumers drop the copy.

export function orderPlacedEvent(order: Order) {
  return orderEvent('OrderPlaced', order, order.createdAt, {
    orderId: order.orderId,
    customerId: order.customerId,
    lines: order.lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
    })),
    total: order.total,
  });
}

export function orderConfirmedEvent(order: Order) {
  return orderEvent('OrderConfirmed', order, order.updatedAt, {
    orderId: order.orderId,
    customerId: order.customerId,
    total: order.total,
    lineCount: order.lineCount,
  });
}

/** Throws TypeError when the order carries no rejection. */
export function orderRejectedEvent(order: Order) {
  if (!order.rejection) {
    throw new TypeError(`order ${order.orderId} has no rejection to publish`);
  }
  return orderEvent('OrderRejected', order, order.updatedAt, {
    orderId: order.orderId,
    customerId: order.customerId,
    reason: order.rejection.reason,
    ...(order.rejection.sku ? { sku: order.rejection.sku } : {}),
  });
}

/** Throws TypeError when the order carries no cancellation. */
export function orderCancelledEvent(order: Order) {
  if (!order.cancellation) {
    throw new TypeError(
      `order ${order.orderId} has no cancellation to publish`,
    );
  }
  return orderEvent('OrderCancelled', order, order.updatedAt, {
    orderId: order.orderId,
    customerId: order.customerId,
    reason: order.cancellation.reason,
  });
}

function orderEvent<TType extends EventType>(
  type: TType,
  order: Order,
  time: Date,
  payload: EventPayload<TType>,
): EventEnvelope<TType, EventPayload<TType>> {
  return createEnvelope(EVENT_SOURCES.orders, type, payload, {
    id: `${type}:${order.orderId}`,
    time,
  });
}
