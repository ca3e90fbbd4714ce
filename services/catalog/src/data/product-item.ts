import { toIsoTime, toStringSet } from '@retail/shared';
import type { ProductInput } from '../product-input';
import type { StoredProduct } from './product';

/**
 * Returns the revision of a change made at `now`: its epoch milliseconds,
 * or one more than the stored revision when that is not older, so that
 * revisions of one product always increase.
 */
export function nextRevision(now: Date, storedRevision = 0): number {
  return Math.max(now.getTime(), storedRevision + 1);
}

/**
 * Builds the item that creates or replaces a product. A replaced product
 * keeps its createdAt and its stock state, which only stock events change.
 */
export function buildProductItem(
  input: ProductInput,
  now: Date,
  existing?: StoredProduct,
): StoredProduct {
  const time = toIsoTime(now);
  return {
    sku: input.sku,
    name: input.name,
    price: input.price,
    tags: toStringSet(input.tags),
    active: input.active ?? true,
    inStock: existing?.inStock ?? true,
    revision: nextRevision(now, existing?.revision),
    createdAt: existing?.createdAt ?? time,
    updatedAt: time,
    stockUpdatedAt: existing?.stockUpdatedAt,
  };
}
