import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The maximum number of lines in one order. */
export const MAX_ORDER_LINES = 1000;

/** The maximum quantity of one line. */
export const MAX_LINE_QUANTITY = 100_000;

const orderRequestLineSchema = z
  .object({
    sku: z.string().min(1).max(64),
    quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  })
  .strict();

/**
 * Body of POST /orders. The same SKU may appear on several lines. Unknown
 * fields are rejected, so a misspelt field is not silently dropped.
 */
export const orderRequestSchema = z
  .object({
    customerId: z.string().min(1).max(64),
    currency: z.literal('GBP'),
    lines: z
      .array(orderRequestLineSchema)
      .min(1)
      .max(MAX_ORDER_LINES, {
        error: (issue) =>
          `an order accepts at most ${MAX_ORDER_LINES} lines, got ${countOf(issue.input)}: split it into several orders`,
      }),
  })
  .strict();

export type OrderRequest = z.infer<typeof orderRequestSchema>;

function countOf(input: unknown): number | string {
  return Array.isArray(input) ? input.length : 'more';
}

/**
 * Returns the SHA-256 (hex) of a request in a canonical form: fixed key
 * order and lines in request order, so equal requests hash equally.
 */
export function hashOrderRequest(request: OrderRequest): string {
  const canonical = JSON.stringify([
    request.customerId,
    request.currency,
    request.lines.map((line) => [line.sku, line.quantity]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Derives the order id from the customer and their Idempotency-Key, so a
 * retry of the same request always targets the same order: "ord_" and
 * the first 26 hex digits of SHA-256 over both.
 */
export function deriveOrderId(
  customerId: string,
  idempotencyKey: string,
): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([customerId, idempotencyKey]))
    .digest('hex');
  return `ord_${digest.slice(0, 26)}`;
}

/** Returns each SKU of the lines once, in order of first appearance. */
export function distinctSkus(lines: OrderRequest['lines']): string[] {
  return [...new Set(lines.map((line) => line.sku))];
}
