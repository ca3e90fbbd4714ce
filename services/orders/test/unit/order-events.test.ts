import type { Order } from '../../src/domain/order';
import {
  orderCancelledEvent,
  orderConfirmedEvent,
  orderPlacedEvent,
  orderRejectedEvent,
} from '../../src/domain/order-events';

const createdAt = new Date('2026-03-01T10:00:00.000Z');
const updatedAt = new Date('2026-03-01T10:05:00.000Z');

const order: Order = {
  orderId: 'ord_1',
  customerId: 'cust-1',
  status: 'PENDING',
  lines: [
    {
      lineNo: 1,
      sku: 'A',
      name: 'Alpha',
      quantity: 2,
      unitPrice: { amount: 100, currency: 'GBP' },
      lineTotal: { amount: 200, currency: 'GBP' },
    },
  ],
  total: { amount: 200, currency: 'GBP' },
  lineCount: 1,
  createdAt,
  updatedAt,
  requestHash: 'hash',
};

describe('order events', () => {
  describe('orderPlacedEvent', () => {
    it('uses a deterministic id and time', () => {
      const event = orderPlacedEvent(order);

      expect(event.id).toBe('OrderPlaced:ord_1');
      expect(event.time).toBe(createdAt.toISOString());
      expect(orderPlacedEvent(order)).toEqual(event);
    });

    it('carries SKUs and quantities only', () => {
      expect(orderPlacedEvent(order).payload.lines).toEqual([
        { sku: 'A', quantity: 2 },
      ]);
    });
  });

  describe('orderConfirmedEvent', () => {
    it('carries total and line count', () => {
      const event = orderConfirmedEvent({ ...order, status: 'CONFIRMED' });

      expect(event.id).toBe('OrderConfirmed:ord_1');
      expect(event.time).toBe(updatedAt.toISOString());
      expect(event.payload).toEqual({
        orderId: 'ord_1',
        customerId: 'cust-1',
        total: { amount: 200, currency: 'GBP' },
        lineCount: 1,
      });
    });
  });

  describe('orderRejectedEvent', () => {
    it('carries the rejection', () => {
      const rejected: Order = {
        ...order,
        status: 'REJECTED',
        rejection: { reason: 'OUT_OF_STOCK', sku: 'A' },
      };

      const event = orderRejectedEvent(rejected);

      expect(event.id).toBe('OrderRejected:ord_1');
      expect(event.payload).toEqual({
        orderId: 'ord_1',
        customerId: 'cust-1',
        reason: 'OUT_OF_STOCK',
        sku: 'A',
      });
    });

    it('throws without a rejection', () => {
      expect(() => orderRejectedEvent(order)).toThrow(TypeError);
    });
  });

  describe('orderCancelledEvent', () => {
    it('carries the reason', () => {
      const cancelled: Order = {
        ...order,
        status: 'CANCELLED',
        cancellation: { reason: 'late' },
      };

      const event = orderCancelledEvent(cancelled);

      expect(event.id).toBe('OrderCancelled:ord_1');
      expect(event.payload).toEqual({
        orderId: 'ord_1',
        customerId: 'cust-1',
        reason: 'late',
      });
    });

    it('throws without a cancellation', () => {
      expect(() => orderCancelledEvent(order)).toThrow(TypeError);
    });
  });
});
