import { batchWriteAll, type TableWrite } from '@retail/shared';
import { EntityParser } from 'dynamodb-toolbox';
import type { ProductInput } from '../product-input';
import { type Product, type StoredProduct, toProduct } from './product';
import { buildProductItem } from './product-item';
import type { ProductStore } from './product-store';
import { readStoredProducts } from './read-stored-products';

/** A product that an import did not write, and why. */
export interface ProductFailure {
  sku: string;
  reason: string;
}

export interface UpsertResult {
  written: Product[];
  failed: ProductFailure[];
}

/**
 * Creates or replaces products with BatchWriteItem, 25 per call, retrying
 * UnprocessedItems with backoff (see batchWriteAll). Stored products are
 * read first, so that a replaced product keeps its createdAt and stock
 * state and gets a newer revision. SKUs must be unique. An item that stays
 * unprocessed is returned in `failed` instead of raising an error. Throws
 * ProductReadError, before any write, when stored products stay unread.
 */
export async function upsertProducts(
  store: ProductStore,
  inputs: readonly ProductInput[],
  now: Date,
): Promise<UpsertResult> {
  // NOTE: a stock event applied between this read and the write below is
  // overwritten with the state read here. BatchWriteItem takes no
  // conditions, so the window cannot be closed without one write per item.
  const stored = await readStoredProducts(
    store,
    inputs.map((input) => input.sku),
  );
  const items = inputs.map((input) =>
    buildProductItem(input, now, stored.get(input.sku)),
  );

  const result = await batchWriteAll(
    store.documentClient,
    items.map((item) => toTableWrite(store, item)),
    { logger: store.logger, ...store.batchOptions },
  );

  const failedSkus = new Set(result.failed.map((write) => write.owner));
  return {
    written: items.filter((item) => !failedSkus.has(item.sku)).map(toProduct),
    failed: result.failed.map((write) => ({
      sku: write.owner ?? '',
      reason: `failed to write: ${write.reason}; import this product again`,
    })),
  };
}

/** Validates the item against the entity and returns it as stored. */
function toTableWrite(store: ProductStore, item: StoredProduct): TableWrite {
  const { item: saved } = store.entity.build(EntityParser).parse(item);
  return { tableName: store.tableName, put: saved, owner: item.sku };
}
