import { eventSchemas } from '@retail/shared';
import type { Product } from '../../src/data/product';
import {
  productDeletedEvent,
  productUpsertedEvent,
} from '../../src/product-events';

const TIME = new Date('2025-01-15T09:00:00.000Z');
const PRODUCT: Product = {
  sku: 'SKU-1',
  name: 'Mug',
  price: { amount: 1250, currency: 'GBP' },
  tags: ['gift'],
  active: true,
  inStock: false,
  revision: 1_736_931_600_000,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-15T09:00:00.000Z',
};

describe('productUpsertedEvent', () => {
  it('derives the id from SKU and revision', () => {
    const event = productUpsertedEvent(PRODUCT, TIME);

    expect(event.id).toBe('ProductUpserted:SKU-1:1736931600000');
  });

  it('carries only the contract fields', () => {
    const event = productUpsertedEvent(PRODUCT, TIME);

    expect(event.payload).toEqual({
      sku: 'SKU-1',
      name: 'Mug',
      price: { amount: 1250, currency: 'GBP' },
      active: true,
      revision: 1_736_931_600_000,
    });
    expect(eventSchemas.ProductUpserted.safeParse(event.payload).success).toBe(
      true,
    );
  });

  it('sets source, type and time', () => {
    const event = productUpsertedEvent(PRODUCT, TIME);

    expect(event).toMatchObject({
      source: 'retail.catalog',
      type: 'ProductUpserted',
      version: 1,
      time: '2025-01-15T09:00:00.000Z',
    });
  });
});

describe('productDeletedEvent', () => {
  it('derives the id from SKU and revision', () => {
    const event = productDeletedEvent('SKU-1', 42, TIME);

    expect(event.id).toBe('ProductDeleted:SKU-1:42');
    expect(event.payload).toEqual({ sku: 'SKU-1', revision: 42 });
  });
});
