import {
  createEnvelope,
  EVENT_SOURCES,
  type EventEnvelope,
  type EventPayload,
} from '@retail/shared';
import type { Product } from './data/product';

// Envelope ids are `<type>:<sku>:<revision>`, so a publish repeated after
// a retry carries the same id and consumers drop the copy, while every
// later change of the product gets a new id.

/** Announces a created or changed product. */
export function productUpsertedEvent(
  product: Product,
  time: Date,
): EventEnvelope<'ProductUpserted', EventPayload<'ProductUpserted'>> {
  const { sku, name, price, active, revision } = product;
  return createEnvelope(
    EVENT_SOURCES.catalog,
    'ProductUpserted',
    { sku, name, price, active, revision },
    { id: `ProductUpserted:${sku}:${revision}`, time },
  );
}

/** Announces a deleted product, with a revision newer than its last one. */
export function productDeletedEvent(
  sku: string,
  revision: number,
  time: Date,
): EventEnvelope<'ProductDeleted', EventPayload<'ProductDeleted'>> {
  return createEnvelope(
    EVENT_SOURCES.catalog,
    'ProductDeleted',
    { sku, revision },
    { id: `ProductDeleted:${sku}:${revision}`, time },
  );
}
