import { GetItemCommand, ScanCommand } from 'dynamodb-toolbox';
import { ProductNotFoundError } from '../errors';
import { type Product, type StoredProduct, toProduct } from './product';
import type { ProductStore } from './product-store';

/** Primary key of a product item, which a list cursor encodes. */
export interface ProductKey {
  sku: string;
}

export interface ProductPage {
  items: Product[];
  /** Present when the scan stopped before the end of the table. */
  lastKey?: ProductKey;
}

/** Reads one product item, or undefined when the SKU is not stored. */
export async function findStoredProduct(
  store: ProductStore,
  sku: string,
  options: { consistent: boolean },
): Promise<StoredProduct | undefined> {
  const { Item } = await store.entity
    .build(GetItemCommand)
    .key({ sku })
    .options({ consistent: options.consistent })
    .send();
  return Item;
}

/** Reads one product. Throws ProductNotFoundError. */
export async function readProduct(
  store: ProductStore,
  sku: string,
): Promise<Product> {
  const stored = await findStoredProduct(store, sku, { consistent: false });
  if (!stored) throw new ProductNotFoundError(sku);

  return toProduct(stored);
}

/**
 * Reads one page of products with a Scan. A page may contain fewer than
 * `limit` products, or none, and still have a `lastKey` when more follow.
 */
export async function listProducts(
  store: ProductStore,
  page: { limit: number; startKey?: ProductKey },
): Promise<ProductPage> {
  const { Items = [], LastEvaluatedKey } = await store.table
    .build(ScanCommand)
    .entities(store.entity)
    .options({
      limit: page.limit,
      ...(page.startKey ? { exclusiveStartKey: { ...page.startKey } } : {}),
    })
    .send();

  const sku = LastEvaluatedKey?.sku;
  return {
    items: Items.map(toProduct),
    ...(typeof sku === 'string' ? { lastKey: { sku } } : {}),
  };
}
