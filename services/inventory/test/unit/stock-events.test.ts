import {
  replenishedEvents,
  stockDepletedEvent,
  stockRejectedEvent,
  stockReservedEvent,
} from '../../src/events/stock-events';

const TIME = new Date('2010-12-01T08:26:00.000Z');

describe('stock events', () => {
  describe('ids', () => {
    it('names the order for outcomes', () => {
      const rejection = {
        reason: 'OUT_OF_STOCK' as const,
        sku: 'A',
        requested: 2,
        available: 1,
      };

      const reserved = stockReservedEvent('O-1', TIME);
      const rejected = stockRejectedEvent('O-1', rejection, TIME);

      expect(reserved.id).toBe('StockReserved:O-1');
      expect(rejected.id).toBe('StockRejected:O-1');
    });

    it('names the SKU and cause for levels', () => {
      const depleted = stockDepletedEvent('A', 'O-1', TIME);

      expect(depleted.id).toBe('StockDepleted:A:O-1');
    });

    it('stay the same across publishes', () => {
      const first = stockReservedEvent('O-1', TIME);
      const again = stockReservedEvent('O-1', new Date());

      expect(again.id).toBe(first.id);
    });
  });

  describe('envelope', () => {
    it('comes from inventory with version 1', () => {
      const event = stockReservedEvent('O-1', TIME);

      expect(event.source).toBe('retail.inventory');
      expect(event.version).toBe(1);
      expect(event.time).toBe('2010-12-01T08:26:00.000Z');
    });
  });

  describe('replenishedEvents', () => {
    it('keeps only levels that left zero', () => {
      const changes = [
        { sku: 'A', before: 0, after: 3 },
        { sku: 'B', before: 2, after: 5 },
      ];

      const events = replenishedEvents(changes, 'O-1', TIME);

      expect(events.map((event) => event.payload)).toEqual([
        { sku: 'A', available: 3 },
      ]);
    });
  });
});
