import { z } from 'zod';
import type { ProductKey } from './data/product-reads';
import { InvalidCursorError } from './errors';
import { skuSchema } from './product-input';

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const keySchema = z.object({ sku: skuSchema }).strict();

/** Encodes a scan's LastEvaluatedKey as an opaque base64url cursor. */
export function encodeCursor(key: ProductKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor from encodeCursor. Throws InvalidCursorError. */
export function decodeCursor(cursor: string): ProductKey {
  if (!BASE64URL.test(cursor)) throw new InvalidCursorError(cursor);

  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new InvalidCursorError(cursor, error);
  }

  const key = keySchema.safeParse(decoded);
  if (!key.success) throw new InvalidCursorError(cursor, key.error);
  return key.data;
}
