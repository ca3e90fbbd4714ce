import type { Money } from '@retail/shared';

export const ORDER_STATUSES = [
  'PENDING',
  'CONFIRMED',
  'REJECTED',
  'CANCELLED',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type RejectionReason = 'OUT_OF_STOCK' | 'UNKNOWN_SKU';

/** One priced line of an order. lineNo counts from 1 in request order. */
export interface OrderLine {
  lineNo: number;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
}

/** Inventory's rejection of an order, with the SKU it could not reserve. */
export interface Rejection {
  reason: RejectionReason;
  sku?: string;
}

export interface Cancellation {
  reason: string;
}

/**
 * An order as the service works with it. Times are Date objects here. The
 * data layer stores them as ISO-8601 strings and expiresAt as a TTL.
 */
export interface Order {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  lines: OrderLine[];
  total: Money;
  lineCount: number;
  rejection?: Rejection;
  cancellation?: Cancellation;
  createdAt: Date;
  updatedAt: Date;
  /** Time after which DynamoDB's TTL may delete the order. */
  // NOTE: no flow sets expiresAt yet, so orders are kept for good.
  expiresAt?: Date;
  /** SHA-256 of the canonical POST /orders request that created it. */
  requestHash: string;
}
