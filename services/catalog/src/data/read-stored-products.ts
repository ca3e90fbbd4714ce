import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { backoffDelay, PlatformError, sleep } from '@retail/shared';
import { EntityFormatter } from 'dynamodb-toolbox';
import type { StoredProduct } from './product';
import type { ProductStore } from './product-store';

/** BatchGetItem accepts at most 100 keys per call. */
const MAX_BATCH_GET_KEYS = 100;

type Key = Record<string, unknown>;

/** Some stored products could not be read, so nothing was written. */
export class ProductReadError extends PlatformError {
  constructor(skus: string[]) {
    super(
      'PRODUCTS_UNREAD',
      `failed to read ${skus.length} stored product(s) after every retry: nothing was written, retry the request`,
      { details: { skus } },
    );
  }
}

/**
 * Reads the stored items of many SKUs with consistent BatchGetItem calls,
 * retrying UnprocessedKeys with backoff and full jitter. Returns the items
 * found by SKU. Throws ProductReadError when keys stay unprocessed.
 */
export async function readStoredProducts(
  store: ProductStore,
  skus: readonly string[],
): Promise<Map<string, StoredProduct>> {
  const found = new Map<string, StoredProduct>();
  const formatter = store.entity.build(EntityFormatter);

  for (let i = 0; i < skus.length; i += MAX_BATCH_GET_KEYS) {
    const keys = skus.slice(i, i + MAX_BATCH_GET_KEYS).map((sku) => ({ sku }));
    for (const item of await getChunk(store, keys)) {
      const product = formatter.format(item);
      found.set(product.sku, product);
    }
  }
  return found;
}

async function getChunk(store: ProductStore, keys: Key[]): Promise<Key[]> {
  const maxAttempts = store.batchOptions.maxAttempts ?? 5;
  const wait = store.batchOptions.sleep ?? sleep;
  const items: Key[] = [];
  let pending = keys;

  for (let attempt = 1; ; attempt += 1) {
    const output = await store.documentClient.send(
      new BatchGetCommand({
        RequestItems: {
          [store.tableName]: { Keys: pending, ConsistentRead: true },
        },
      }),
    );
    items.push(...(output.Responses?.[store.tableName] ?? []));
    pending = output.UnprocessedKeys?.[store.tableName]?.Keys ?? [];

    if (pending.length === 0) return items;
    if (attempt >= maxAttempts) {
      throw new ProductReadError(pending.map((key) => String(key.sku)));
    }
    await wait(retryDelay(store, attempt));
  }
}

function retryDelay(store: ProductStore, attempt: number): number {
  const { baseDelayMs, maxDelayMs, random } = store.batchOptions;
  return backoffDelay(attempt, {
    baseMs: baseDelayMs ?? 50,
    maxMs: maxDelayMs ?? 2_000,
    ...(random ? { random } : {}),
  });
}
