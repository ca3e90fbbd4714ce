import { fromStringSet, type Money } from '@retail/shared';
import {
  boolean,
  Entity,
  type FormattedItem,
  item,
  map,
  number,
  set,
  string,
} from 'dynamodb-toolbox';
import type { ProductsTable } from './table';

/**
 * Creates the product entity. Items carry no entity-name attribute and no
 * toolbox timestamps: the table contains only products, and the service sets
 * createdAt and updatedAt itself from the same clock as `revision`.
 */
export function createProductEntity(table: ProductsTable) {
  return new Entity({
    name: 'Product',
    table,
    entityAttribute: false,
    timestamps: false,
    schema: item({
      sku: string().key(),
      name: string(),
      price: map({
        amount: number(),
        currency: string().enum('GBP', 'EUR', 'USD'),
      }),
      // A string set. DynamoDB rejects empty sets, so a product without
      // tags has no tags attribute at all.
      tags: set(string()).optional(),
      active: boolean(),
      inStock: boolean(),
      // Epoch milliseconds of the last change to name, price, tags or
      // active. Stock events do not change it.
      revision: number(),
      createdAt: string(),
      updatedAt: string(),
      // ISO time of the newest stock event applied. Events at this time or
      // earlier are stale.
      stockUpdatedAt: string().optional(),
    }),
  });
}

export type ProductEntity = ReturnType<typeof createProductEntity>;

/** A product item as the entity reads it from the table. */
export type StoredProduct = FormattedItem<ProductEntity>;

/** A product as the HTTP API returns it. */
export interface Product {
  sku: string;
  name: string;
  price: Money;
  /** Sorted, and empty when the item has no tags attribute. */
  tags: string[];
  active: boolean;
  inStock: boolean;
  revision: number;
  createdAt: string;
  updatedAt: string;
  stockUpdatedAt?: string;
}

/** Converts a stored item into the API's product shape. */
export function toProduct(stored: StoredProduct): Product {
  return {
    sku: stored.sku,
    name: stored.name,
    price: { amount: stored.price.amount, currency: stored.price.currency },
    tags: fromStringSet(stored.tags),
    active: stored.active,
    inStock: stored.inStock,
    revision: stored.revision,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    ...(stored.stockUpdatedAt === undefined
      ? {}
      : { stockUpdatedAt: stored.stockUpdatedAt }),
  };
}
