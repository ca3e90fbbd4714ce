import {
  type HttpRequest,
  parseJsonBody,
  type RouteHandler,
  ValidationError,
} from '@retail/shared';
import type { Dependencies } from '../dependencies';
import { createIdempotentPlaceOrder } from '../domain/idempotent-place-order';
import { orderRequestSchema } from '../domain/order-request';

/** The longest Idempotency-Key accepted, enough for any UUID or ULID. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * POST /orders with an Idempotency-Key header and a body
 * { customerId, currency, lines: [{ sku, quantity }] }: 201 with the
 * PENDING order.
 */
export function createPlaceOrderRoute(deps: Dependencies): RouteHandler {
  const placeOrder = createIdempotentPlaceOrder(deps);

  return async (request) => {
    const idempotencyKey = readIdempotencyKey(request);
    const body = parseJsonBody(request, orderRequestSchema);

    const order = await placeOrder(
      { idempotencyKey, request: body },
      request.context,
    );
    return { statusCode: 201, body: order };
  };
}

function readIdempotencyKey(request: HttpRequest): string {
  const key = request.header('idempotency-key')?.trim();
  if (!key) {
    throw new ValidationError(
      'Idempotency-Key header is required: send a unique key, such as a UUID, with each new order and the same key when retrying it',
      { details: { header: 'Idempotency-Key' } },
    );
  }
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new ValidationError(
      `Idempotency-Key header is ${key.length} characters long: send at most ${MAX_IDEMPOTENCY_KEY_LENGTH}`,
      { details: { header: 'Idempotency-Key' } },
    );
  }
  return key;
}
