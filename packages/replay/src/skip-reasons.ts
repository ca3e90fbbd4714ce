/**
 * Reasons for skipping a CSV row. Every data row read is either used (as an
 * order line or a cancellation line) or skipped with exactly one of these.
 */
export const SKIP_REASONS = [
  'MALFORMED',
  'NON_PRODUCT_CODE',
  'NON_POSITIVE_QUANTITY',
  'NON_POSITIVE_PRICE',
  'QUANTITY_OVER_LIMIT',
  'CUSTOMER_MISMATCH',
  'LINE_LIMIT_EXCEEDED',
  'NON_NEGATIVE_CANCELLATION_QUANTITY',
  'GUEST_CANCELLATION',
  'CANCELLATION_WITHOUT_MATCH',
] as const;

export type SkipReason = (typeof SKIP_REASONS)[number];

/** A row that the replay does not send, with where it came from. */
export interface SkippedRow {
  file: string;
  line: number;
  reason: SkipReason;
  detail: string;
}

/** Maximum quantity of one order line that `POST /orders` accepts. */
export const MAX_LINE_QUANTITY = 100_000;

/** Maximum number of lines of one order that `POST /orders` accepts. */
export const MAX_ORDER_LINES = 1000;
