import type { CatalogPrice } from '../../src/domain/catalog-price';
import { newPendingOrder } from '../../src/domain/new-pending-order';
import type { OrderRequest } from '../../src/domain/order-request';
import { CurrencyMismatchError, UnknownSkuError } from '../../src/errors';

const now = new Date('2026-03-01T10:00:00.000Z');

function price(sku: string, amount: number, extra: Partial<CatalogPrice> = {}) {
  return {
    sku,
    name: `Product ${sku}`,
    price: { amount, currency: 'GBP' as const },
    active: true,
    revision: 1,
    ...extra,
  };
}

function build(lines: OrderRequest['lines'], prices: CatalogPrice[]) {
  return newPendingOrder({
    orderId: 'ord_1',
    request: { customerId: 'cust-1', currency: 'GBP', lines },
    requestHash: 'hash',
    prices: new Map(prices.map((entry) => [entry.sku, entry])),
    now,
  });
}

describe('newPendingOrder', () => {
  describe('pricing', () => {
    it('multiplies each line by its unit price', () => {
      const order = build([{ sku: 'A', quantity: 3 }], [price('A', 199)]);

      expect(order.lines[0]?.lineTotal).toEqual({
        amount: 597,
        currency: 'GBP',
      });
    });

    it('sums the line totals', () => {
      const order = build(
        [
          { sku: 'A', quantity: 3 },
          { sku: 'B', quantity: 1 },
          { sku: 'A', quantity: 1 },
        ],
        [price('A', 199), price('B', 1000)],
      );

      expect(order.total).toEqual({ amount: 1796, currency: 'GBP' });
    });

    it('numbers lines from 1', () => {
      const order = build(
        [
          { sku: 'A', quantity: 1 },
          { sku: 'A', quantity: 1 },
        ],
        [price('A', 1)],
      );

      expect(order.lines.map((line) => line.lineNo)).toEqual([1, 2]);
    });

    it('starts PENDING with both times set', () => {
      const order = build([{ sku: 'A', quantity: 1 }], [price('A', 1)]);

      expect(order.status).toBe('PENDING');
      expect(order.createdAt).toBe(now);
      expect(order.updatedAt).toBe(now);
      expect(order.lineCount).toBe(1);
    });
  });

  describe('unorderable SKUs', () => {
    it('lists every unknown SKU once', () => {
      const create = () =>
        build(
          [
            { sku: 'X', quantity: 1 },
            { sku: 'A', quantity: 1 },
            { sku: 'Y', quantity: 1 },
            { sku: 'X', quantity: 2 },
          ],
          [price('A', 1)],
        );

      expect(create).toThrow(
        'unknown or inactive SKU(s): X, Y: import them into the catalog first',
      );
    });

    it('treats an inactive SKU as unknown', () => {
      const create = () =>
        build([{ sku: 'A', quantity: 1 }], [price('A', 1, { active: false })]);

      expect(create).toThrow(UnknownSkuError);
    });

    it('treats a deletion-only SKU as unknown', () => {
      const create = () =>
        build(
          [{ sku: 'A', quantity: 1 }],
          [{ sku: 'A', active: true, revision: 2 }],
        );

      expect(create).toThrow(UnknownSkuError);
    });

    it('rejects another currency', () => {
      const euro = {
        ...price('A', 1),
        price: { amount: 1, currency: 'EUR' as const },
      };

      const create = () => build([{ sku: 'A', quantity: 1 }], [euro]);

      expect(create).toThrow(CurrencyMismatchError);
    });
  });
});
