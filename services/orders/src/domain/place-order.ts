import { createOrderStore } from '../data/orders';
import { createPriceStore } from '../data/prices';
import type { Dependencies } from '../dependencies';
import { IdempotencyKeyReusedError, OrderAlreadyExistsError } from '../errors';
import { newPendingOrder } from './new-pending-order';
import type { Order } from './order';
import { orderPlacedEvent } from './order-events';
import {
  deriveOrderId,
  distinctSkus,
  hashOrderRequest,
  type OrderRequest,
} from './order-request';

/**
 * Result the idempotency record stores: the order id only. The response is
 * rebuilt from the order, so a record stays far below DynamoDB's 400 KB
 * item limit and costs one write unit however many lines the order has.
 */
export interface PlacedOrderRef {
  orderId: string;
}

export interface PlaceOrderInput {
  idempotencyKey: string;
  request: OrderRequest;
}

/**
 * Builds the place-order operation: price the lines, store the order as
 * PENDING with a conditional put, publish OrderPlaced. The order id comes
 * from the customer and the key, so a retry of a request whose order was
 * stored (a crash before its idempotency record completed) returns that
 * order and publishes OrderPlaced again with the same envelope id.
 */
export function createPlaceOrder(deps: Dependencies) {
  const orders = createOrderStore(deps);
  const prices = createPriceStore(deps);

  async function storeOrReuse(
    order: Order,
    idempotencyKey: string,
  ): Promise<Order> {
    try {
      await orders.insert(order);
      return order;
    } catch (error) {
      if (!(error instanceof OrderAlreadyExistsError)) throw error;
      const stored = await orders.get(order.orderId);
      if (stored.requestHash === order.requestHash) return stored;
      throw new IdempotencyKeyReusedError(idempotencyKey, error);
    }
  }

  return async function placeOrder(
    input: PlaceOrderInput,
  ): Promise<PlacedOrderRef> {
    const { request } = input;
    // NOTE: pricing runs before the stored order is found, so a retry
    // whose SKUs were deactivated since the first attempt gets 422.
    const order = newPendingOrder({
      orderId: deriveOrderId(request.customerId, input.idempotencyKey),
      request,
      requestHash: hashOrderRequest(request),
      prices: await prices.getMany(distinctSkus(request.lines)),
      now: deps.now(),
    });

    const stored = await storeOrReuse(order, input.idempotencyKey);
    await deps.publisher.publish([orderPlacedEvent(stored)]);
    return { orderId: stored.orderId };
  };
}
