import { parseJsonBody, type RouteHandler } from '@retail/shared';
import { z } from 'zod';
import { createOrderStore } from '../data/orders';
import type { Dependencies } from '../dependencies';
import { orderCancelledEvent } from '../domain/order-events';
import { toOrderView } from '../domain/order-view';
import { OrderStatusConflictError } from '../errors';
import { idParam } from './id-param';

const DEFAULT_REASON = 'customer-request';

const cancelRequestSchema = z.object({
  reason: z.string().trim().min(1).max(500).optional(),
});

/**
 * POST /orders/{orderId}/cancel with an optional body { reason }: 200 with
 * the cancelled order. A PENDING or CONFIRMED order is cancelled and
 * OrderCancelled is published. An order already cancelled is returned
 * unchanged with no second event. A rejected order gets 409, an unknown
 * one 404.
 */
export function createCancelOrderRoute(deps: Dependencies): RouteHandler {
  const orders = createOrderStore(deps);

  return async (request) => {
    const orderId = idParam(request, 'orderId');
    const reason = readReason(request) ?? DEFAULT_REASON;

    const { order, applied } = await orders.transition(orderId, {
      from: ['PENDING', 'CONFIRMED'],
      to: 'CANCELLED',
      at: deps.now(),
      cancellation: { reason },
    });
    if (order.status === 'REJECTED') {
      throw new OrderStatusConflictError(
        orderId,
        order.status,
        `order ${orderId} is REJECTED: a rejected order cannot be cancelled`,
      );
    }

    // NOTE: a crash between the update and this publish loses the event,
    // because a retry finds the order CANCELLED and publishes nothing.
    if (applied) await deps.publisher.publish([orderCancelledEvent(order)]);
    return { statusCode: 200, body: toOrderView(order) };
  };
}

function readReason(request: Parameters<RouteHandler>[0]): string | undefined {
  if (request.body === undefined || request.body.trim() === '') {
    return undefined;
  }
  return parseJsonBody(request, cancelRequestSchema).reason;
}
