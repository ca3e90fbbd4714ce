import { ValidationError } from '@retail/shared';
import { z } from 'zod';

// A cursor is the Query's LastEvaluatedKey on the byCustomer index (the
// table key and the index key), as base64url JSON. It is checked on the
// way back in, so a forged or mangled cursor fails with 422, not 500.

const lastEvaluatedKeySchema = z
  .object({
    orderId: z.string().min(1),
    customerId: z.string().min(1),
    createdAt: z.string().min(1),
  })
  .strict();

export function encodeCursor(
  lastEvaluatedKey: Record<string, unknown>,
): string {
  return Buffer.from(JSON.stringify(lastEvaluatedKey)).toString('base64url');
}

/**
 * Decodes a cursor back into the key to start after. Throws a 422
 * ValidationError for a mangled cursor or one of another customer.
 */
export function decodeCursor(
  cursor: string,
  customerId: string,
): z.infer<typeof lastEvaluatedKeySchema> {
  const key = lastEvaluatedKeySchema.safeParse(parseJson(cursor));
  if (!key.success || key.data.customerId !== customerId) {
    throw new ValidationError(
      `invalid cursor "${cursor}": pass the nextCursor of the previous page unchanged`,
      { statusCode: 422, details: { field: 'cursor' } },
    );
  }
  return key.data;
}

function parseJson(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
