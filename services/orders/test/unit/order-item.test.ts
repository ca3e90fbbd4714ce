import {
  fromOrderItem,
  toMoneyAttribute,
  toOrderItem,
} from '../../src/data/order-item';
import type { Order } from '../../src/domain/order';

const createdAt = new Date('2026-03-01T10:00:00.000Z');

const order: Order = {
  orderId: 'ord_1',
  customerId: 'cust-1',
  status: 'REJECTED',
  lines: [
    {
      lineNo: 1,
      sku: 'A',
      name: 'Alpha',
      quantity: 1,
      unitPrice: { amount: 100, currency: 'GBP' },
      lineTotal: { amount: 100, currency: 'GBP' },
    },
  ],
  total: { amount: 100, currency: 'GBP' },
  lineCount: 1,
  rejection: { reason: 'OUT_OF_STOCK' },
  createdAt,
  updatedAt: createdAt,
  requestHash: 'hash',
};

describe('order item mapping', () => {
  describe('toOrderItem', () => {
    it('leaves out absent optional attributes', () => {
      const item = toOrderItem(order);

      expect(item).not.toHaveProperty('cancellation');
      expect(item).not.toHaveProperty('ttl');
      expect(item.rejection).toEqual({ reason: 'OUT_OF_STOCK' });
    });

    it('round-trips through fromOrderItem', () => {
      expect(fromOrderItem(toOrderItem(order))).toEqual(order);
    });
  });

  describe('toMoneyAttribute', () => {
    it('copies getters into a plain map', () => {
      const money = {
        get amount() {
          return 5;
        },
        currency: 'GBP' as const,
      };

      const attribute = toMoneyAttribute(money);

      expect(Object.getOwnPropertyDescriptor(attribute, 'amount')?.value).toBe(
        5,
      );
    });

    it.each([-1, 1.5, Number.NaN])('rejects amount %s', (amount) => {
      expect(() => toMoneyAttribute({ amount, currency: 'GBP' })).toThrow(
        RangeError,
      );
    });
  });
});
