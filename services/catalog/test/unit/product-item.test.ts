import type { StoredProduct } from '../../src/data/product';
import { buildProductItem, nextRevision } from '../../src/data/product-item';

const NOW = new Date('2025-01-15T09:00:00.000Z');
const INPUT = {
  sku: 'SKU-1',
  name: 'Mug',
  price: { amount: 1250, currency: 'GBP' as const },
};

const STORED: StoredProduct = {
  ...INPUT,
  active: true,
  inStock: false,
  revision: NOW.getTime() + 5,
  createdAt: '2024-06-01T00:00:00.000Z',
  updatedAt: '2024-06-02T00:00:00.000Z',
  stockUpdatedAt: '2024-06-03T00:00:00.000Z',
};

describe('nextRevision', () => {
  it('uses the clock when the stored one is older', () => {
    expect(nextRevision(NOW, NOW.getTime() - 1)).toBe(NOW.getTime());
  });

  it('steps past a stored revision from the same millisecond', () => {
    expect(nextRevision(NOW, NOW.getTime())).toBe(NOW.getTime() + 1);
  });

  it('uses the clock without a stored revision', () => {
    expect(nextRevision(NOW)).toBe(NOW.getTime());
  });
});

describe('buildProductItem', () => {
  describe('new product', () => {
    it('fills in defaults', () => {
      const item = buildProductItem(INPUT, NOW);

      expect(item).toEqual({
        ...INPUT,
        tags: undefined,
        active: true,
        inStock: true,
        revision: NOW.getTime(),
        createdAt: '2025-01-15T09:00:00.000Z',
        updatedAt: '2025-01-15T09:00:00.000Z',
        stockUpdatedAt: undefined,
      });
    });

    it('leaves out an empty tag list', () => {
      expect(
        buildProductItem({ ...INPUT, tags: [] }, NOW).tags,
      ).toBeUndefined();
    });

    it('turns tags into a set', () => {
      const item = buildProductItem({ ...INPUT, tags: ['b', 'a', 'b'] }, NOW);

      expect(item.tags).toEqual(new Set(['a', 'b']));
    });
  });

  describe('replaced product', () => {
    it('keeps createdAt and stock state', () => {
      const item = buildProductItem({ ...INPUT, active: false }, NOW, STORED);

      expect(item.createdAt).toBe(STORED.createdAt);
      expect(item.inStock).toBe(false);
      expect(item.stockUpdatedAt).toBe(STORED.stockUpdatedAt);
      expect(item.active).toBe(false);
    });

    it('moves the revision past the stored one', () => {
      const item = buildProductItem(INPUT, NOW, STORED);

      expect(item.revision).toBe(STORED.revision + 1);
    });
  });
});
