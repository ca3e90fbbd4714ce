import { toIsoTime, toStringSet } from '@retail/shared';
import {
  $remove,
  DeleteItemCommand,
  isConditionCheckFailed,
  PutItemCommand,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import {
  ConcurrentUpdateError,
  ProductExistsError,
  ProductNotFoundError,
} from '../errors';
import type { ProductChanges, ProductInput } from '../product-input';
import { type Product, type StoredProduct, toProduct } from './product';
import { buildProductItem, nextRevision } from './product-item';
import { findStoredProduct } from './product-reads';
import type { ProductStore } from './product-store';

/** Stores a new product. Throws ProductExistsError if the SKU is taken. */
export async function insertProduct(
  store: ProductStore,
  input: ProductInput,
  now: Date,
): Promise<Product> {
  const item = buildProductItem(input, now);

  try {
    await store.entity
      .build(PutItemCommand)
      .item(item)
      .options({ condition: { attr: 'sku', exists: false } })
      .send();
  } catch (error) {
    if (isConditionCheckFailed(error)) {
      throw new ProductExistsError(input.sku, error);
    }
    throw error;
  }

  return toProduct(item);
}

/** Read-and-write rounds an update tries before it gives up. */
const MAX_UPDATE_ATTEMPTS = 3;

/**
 * Applies changes to a stored product and returns it as stored. Reads the
 * stored revision first and writes only if it is unchanged, so the new
 * revision is always greater than the last one. Throws
 * ProductNotFoundError, or ConcurrentUpdateError when other writers win
 * every attempt.
 */
export async function updateProduct(
  store: ProductStore,
  sku: string,
  changes: ProductChanges,
  now: Date,
): Promise<Product> {
  for (let attempt = 1; ; attempt += 1) {
    const stored = await findStoredProduct(store, sku, { consistent: true });
    if (!stored) throw new ProductNotFoundError(sku);

    try {
      return await writeChanges(store, stored, changes, now);
    } catch (error) {
      if (!isConditionCheckFailed(error)) throw error;
      if (attempt >= MAX_UPDATE_ATTEMPTS) {
        throw new ConcurrentUpdateError(sku, attempt, error);
      }
    }
  }
}

/**
 * Deletes a stored product and returns the revision of the deletion, newer
 * than the product's last revision. Throws ProductNotFoundError.
 */
export async function deleteProduct(
  store: ProductStore,
  sku: string,
  now: Date,
): Promise<{ sku: string; revision: number }> {
  try {
    const { Attributes } = await store.entity
      .build(DeleteItemCommand)
      .key({ sku })
      .options({
        condition: { attr: 'sku', exists: true },
        returnValues: 'ALL_OLD',
      })
      .send();
    return { sku, revision: nextRevision(now, Attributes?.revision) };
  } catch (error) {
    if (isConditionCheckFailed(error)) throw new ProductNotFoundError(sku);
    throw error;
  }
}

/**
 * Returns the tags update: a new list replaces the set, and an empty one
 * removes the attribute.
 */
function tagsUpdate(tags: string[]) {
  return toStringSet(tags) ?? $remove();
}

async function writeChanges(
  store: ProductStore,
  stored: StoredProduct,
  changes: ProductChanges,
  now: Date,
): Promise<Product> {
  const { Attributes } = await store.entity
    .build(UpdateItemCommand)
    .item({
      sku: stored.sku,
      name: changes.name,
      price: changes.price,
      tags: changes.tags ? tagsUpdate(changes.tags) : undefined,
      active: changes.active,
      revision: nextRevision(now, stored.revision),
      updatedAt: toIsoTime(now),
    })
    .options({
      condition: { attr: 'revision', eq: stored.revision },
      returnValues: 'ALL_NEW',
    })
    .send();

  if (!Attributes) throw new ProductNotFoundError(stored.sku);
  return toProduct(Attributes);
}
