import { NotFoundError, PlatformError } from '@retail/shared';

/** No stock item exists for a SKU. HTTP 404. */
export class StockNotFoundError extends NotFoundError {
  constructor(sku: string) {
    super(`stock for SKU ${sku} not found: set its level with PUT /stock`, {
      sku,
    });
  }
}

/** A SKU has less stock than an order requests. */
export class OutOfStockError extends PlatformError {
  readonly sku: string;
  readonly requested: number;
  readonly available: number;

  constructor(details: {
    orderId: string;
    sku: string;
    requested: number;
    available: number;
  }) {
    super(
      'OUT_OF_STOCK',
      `SKU ${details.sku} has ${details.available} available, order ${details.orderId} requests ${details.requested}`,
      { details },
    );
    this.sku = details.sku;
    this.requested = details.requested;
    this.available = details.available;
  }
}

/** An order requests a SKU that has no stock item. */
export class UnknownSkuError extends PlatformError {
  readonly sku: string;
  readonly requested: number;

  constructor(details: { orderId: string; sku: string; requested: number }) {
    super(
      'UNKNOWN_SKU',
      `SKU ${details.sku} has no stock item, so order ${details.orderId} cannot reserve it`,
      { details },
    );
    this.sku = details.sku;
    this.requested = details.requested;
  }
}

/**
 * Another invocation holds a live lease on the order. The record fails and
 * SQS delivers it again after the visibility timeout.
 */
export class ReservationInProgressError extends PlatformError {
  constructor(orderId: string, status: string, leaseExpiresAt?: number) {
    super(
      'RESERVATION_IN_PROGRESS',
      `order ${orderId} is ${status} under another invocation's lease: the message is retried after the visibility timeout`,
      { details: { orderId, status, leaseExpiresAt } },
    );
  }
}

/**
 * A state change conditional on this invocation's lease failed, because the
 * lease expired and another invocation took the order over.
 */
export class LeaseLostError extends PlatformError {
  constructor(orderId: string, leaseOwner: string, cause?: unknown) {
    super(
      'LEASE_LOST',
      `lease of ${leaseOwner} on order ${orderId} was taken over: the new owner completes the order`,
      { details: { orderId, leaseOwner }, cause },
    );
  }
}

/**
 * Too little time is left in the invocation to start another step. The
 * record fails, and the redelivery resumes after the lease expires.
 */
export class DeadlineNearError extends PlatformError {
  constructor(orderId: string, step: string, remainingMs: number) {
    super(
      'DEADLINE_NEAR',
      `stopped order ${orderId} before ${step}: only ${remainingMs} ms of the invocation remain`,
      { details: { orderId, step, remainingMs } },
    );
  }
}

/** An order's record kept changing while this invocation read it. */
export class ReservationConflictError extends PlatformError {
  constructor(orderId: string, attempts: number) {
    super(
      'RESERVATION_CONFLICT',
      `order ${orderId} changed state ${attempts} times during one delivery: the message is retried`,
      { details: { orderId, attempts } },
    );
  }
}

/** A SKU's level kept changing between a failed hold and its re-read. */
export class StockContentionError extends PlatformError {
  constructor(orderId: string, sku: string, attempts: number) {
    super(
      'STOCK_CONTENTION',
      `hold of SKU ${sku} for order ${orderId} failed ${attempts} times while its level changed: the message is retried`,
      { details: { orderId, sku, attempts } },
    );
  }
}

/** Some stock items could not be read after every BatchGetItem retry. */
export class StockReadError extends PlatformError {
  constructor(skus: string[], attempts: number) {
    super(
      'STOCK_READ_FAILED',
      `failed to read the stock of ${skus.length} SKU(s) after ${attempts} BatchGetItem calls: retry the request`,
      { details: { skus } },
    );
  }
}
