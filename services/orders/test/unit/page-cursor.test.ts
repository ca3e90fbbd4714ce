import { ValidationError } from '@retail/shared';
import { decodeCursor, encodeCursor } from '../../src/data/page-cursor';

const key = {
  orderId: 'ord_1',
  customerId: 'cust-1',
  createdAt: '2026-03-01T10:00:00.000Z',
};

describe('page cursor', () => {
  describe('decodeCursor', () => {
    it('returns the encoded key', () => {
      expect(decodeCursor(encodeCursor(key), 'cust-1')).toEqual(key);
    });

    it('rejects text that is not a cursor', () => {
      expect(() => decodeCursor('%%%', 'cust-1')).toThrow(ValidationError);
    });

    it('rejects a key with other fields', () => {
      const cursor = encodeCursor({ ...key, extra: 1 });

      expect(() => decodeCursor(cursor, 'cust-1')).toThrow(/invalid cursor/);
    });

    it('rejects another customer’s cursor', () => {
      expect(() => decodeCursor(encodeCursor(key), 'cust-2')).toThrow(
        /invalid cursor/,
      );
    });
  });
});
