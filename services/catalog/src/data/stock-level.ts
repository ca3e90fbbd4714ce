import { toIsoTime } from '@retail/shared';
import { isConditionCheckFailed, UpdateItemCommand } from 'dynamodb-toolbox';
import { findStoredProduct } from './product-reads';
import type { ProductStore } from './product-store';

/** A change of a product's stock state, from a stock event. */
export interface StockLevelChange {
  sku: string;
  inStock: boolean;
  /** When the stock event happened. */
  time: Date;
}

/**
 * Result of applyStockLevel: `applied` when the product now has the state,
 * `stale` when its stockUpdatedAt is the event's time or later, `unknown`
 * when the SKU is not stored.
 */
export type StockLevelOutcome = 'applied' | 'stale' | 'unknown';

/**
 * Sets a product's inStock flag when the event is newer than the last one
 * applied, with one conditional update. Times are compared as normalised
 * ISO-8601 UTC strings, whose lexicographic order is their time order.
 */
export async function applyStockLevel(
  store: ProductStore,
  change: StockLevelChange,
): Promise<StockLevelOutcome> {
  const time = toIsoTime(change.time);

  try {
    await store.entity
      .build(UpdateItemCommand)
      .item({ sku: change.sku, inStock: change.inStock, stockUpdatedAt: time })
      .options({
        condition: {
          and: [
            { attr: 'sku', exists: true },
            {
              or: [
                { attr: 'stockUpdatedAt', exists: false },
                { attr: 'stockUpdatedAt', lt: time },
              ],
            },
          ],
        },
      })
      .send();
    return 'applied';
  } catch (error) {
    if (!isConditionCheckFailed(error)) throw error;
  }

  const stored = await findStoredProduct(store, change.sku, {
    consistent: true,
  });
  return stored ? 'stale' : 'unknown';
}
