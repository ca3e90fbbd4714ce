import { ConflictError, NotFoundError, ValidationError } from '@retail/shared';
import type { OrderStatus } from './domain/order';

export class OrderNotFoundError extends NotFoundError {
  constructor(orderId: string) {
    super(`order ${orderId} not found: check the orderId`, { orderId });
  }
}

/** The order's current status does not allow the requested change. */
export class OrderStatusConflictError extends ConflictError {
  constructor(orderId: string, status: OrderStatus, message: string) {
    super(message, { details: { orderId, status } });
  }
}

/** A conditional put found an order with this id already stored. */
export class OrderAlreadyExistsError extends ConflictError {
  constructor(orderId: string, cause: unknown) {
    super(`order ${orderId} already exists`, {
      cause,
      details: { orderId },
    });
  }
}

/** Another request with the same Idempotency-Key is still running. */
export class OrderInProgressError extends ConflictError {
  constructor(idempotencyKey: string, cause: unknown) {
    super(
      `a request with Idempotency-Key ${idempotencyKey} is still in progress: retry after it completes`,
      { cause, details: { idempotencyKey } },
    );
  }
}

/** An Idempotency-Key was sent again with a different request body. */
export class IdempotencyKeyReusedError extends ValidationError {
  constructor(idempotencyKey: string, cause?: unknown) {
    super(
      `Idempotency-Key ${idempotencyKey} was already used with a different request body: send a new key for a new order`,
      { statusCode: 422, cause, details: { idempotencyKey } },
    );
  }
}

export class UnknownSkuError extends ValidationError {
  constructor(skus: string[]) {
    super(
      `unknown or inactive SKU(s): ${skus.join(', ')}: import them into the catalog first`,
      { statusCode: 422, details: { skus } },
    );
  }
}

/** Some SKUs are priced in another currency than the order's. */
export class CurrencyMismatchError extends ValidationError {
  constructor(skus: string[], currency: string) {
    super(
      `SKU(s) not priced in ${currency}: ${skus.join(', ')}: order them in their catalog currency`,
      { statusCode: 422, details: { skus, currency } },
    );
  }
}

/** The order exceeds DynamoDB's 400 KB item size limit. */
export class OrderTooLargeError extends ValidationError {
  constructor(orderId: string, lineCount: number, cause: unknown) {
    super(
      `order with ${lineCount} lines is larger than DynamoDB's 400 KB item limit: split it into several orders`,
      { statusCode: 422, cause, details: { orderId, lineCount } },
    );
  }
}
