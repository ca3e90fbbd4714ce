import { createConsumerHandler } from '../../src/handlers/consumer';
import {
  availableOf,
  type Consumer,
  deliver,
  orderPlaced,
  readStock,
  seedStock,
} from '../support/fixtures';
import {
  startTestEnvironment,
  type TestEnvironment,
} from '../support/test-environment';

let env: TestEnvironment;
let consume: Consumer;

beforeAll(async () => {
  env = await startTestEnvironment();
  consume = createConsumerHandler(env.deps);
});

afterAll(async () => {
  await env.stop();
});

describe('OrderPlaced consumer', () => {
  describe('when every line is in stock', () => {
    it('takes each line from stock', async () => {
      await seedStock(env.deps, { 'R1-A': 5, 'R1-B': 3 });
      const order = orderPlaced('O-R1', [
        { sku: 'R1-A', quantity: 2 },
        { sku: 'R1-B', quantity: 1 },
      ]);

      const failures = await deliver(consume, [order]);

      expect(failures).toEqual([]);
      expect(await availableOf(env.deps, 'R1-A')).toBe(3);
      expect(await availableOf(env.deps, 'R1-B')).toBe(2);
    });

    it('marks the record RESERVED', async () => {
      await seedStock(env.deps, { 'R2-A': 5 });

      await deliver(consume, [
        orderPlaced('O-R2', [{ sku: 'R2-A', quantity: 1 }]),
      ]);

      const record = await env.deps.reservations.get('O-R2');
      expect(record?.status).toBe('RESERVED');
      expect(record?.lines).toEqual([{ sku: 'R2-A', quantity: 1 }]);
      expect(record?.leaseOwner).toBeUndefined();
    });

    it('publishes StockReserved with the order id', async () => {
      await seedStock(env.deps, { 'R3-A': 5 });

      await deliver(consume, [
        orderPlaced('O-R3', [{ sku: 'R3-A', quantity: 1 }]),
      ]);

      const [event] = env.publisher
        .ofType('StockReserved')
        .filter((candidate) => candidate.id === 'StockReserved:O-R3');
      expect(event?.payload).toEqual({ orderId: 'O-R3' });
      expect(event?.source).toBe('retail.inventory');
    });

    it('removes the hold entries afterwards', async () => {
      await seedStock(env.deps, { 'R4-A': 5 });

      await deliver(consume, [
        orderPlaced('O-R4', [{ sku: 'R4-A', quantity: 2 }]),
      ]);

      expect((await readStock(env.deps, 'R4-A'))?.holds).toEqual({});
    });

    it('sums repeated SKUs into one hold', async () => {
      await seedStock(env.deps, { 'R5-A': 10 });
      const order = orderPlaced('O-R5', [
        { sku: 'R5-A', quantity: 2 },
        { sku: 'R5-A', quantity: 3 },
      ]);

      await deliver(consume, [order]);

      expect(await availableOf(env.deps, 'R5-A')).toBe(5);
      const record = await env.deps.reservations.get('O-R5');
      expect(record?.lines).toEqual([{ sku: 'R5-A', quantity: 5 }]);
    });

    it('publishes StockDepleted for emptied SKUs', async () => {
      await seedStock(env.deps, { 'R6-A': 2, 'R6-B': 5 });
      const order = orderPlaced('O-R6', [
        { sku: 'R6-A', quantity: 2 },
        { sku: 'R6-B', quantity: 1 },
      ]);

      await deliver(consume, [order]);

      const depleted = env.publisher
        .ofType('StockDepleted')
        .filter((event) => event.id.endsWith(':O-R6'));
      expect(depleted.map((event) => event.id)).toEqual([
        'StockDepleted:R6-A:O-R6',
      ]);
      expect(depleted[0]?.payload).toEqual({ sku: 'R6-A', available: 0 });
    });
  });

  describe('when a line cannot be covered', () => {
    it('rejects an out-of-stock line', async () => {
      await seedStock(env.deps, { 'X1-A': 5, 'X1-B': 1 });
      const order = orderPlaced('O-X1', [
        { sku: 'X1-A', quantity: 2 },
        { sku: 'X1-B', quantity: 4 },
      ]);

      const failures = await deliver(consume, [order]);

      expect(failures).toEqual([]);
      const [event] = env.publisher
        .ofType('StockRejected')
        .filter((candidate) => candidate.id === 'StockRejected:O-X1');
      expect(event?.payload).toEqual({
        orderId: 'O-X1',
        reason: 'OUT_OF_STOCK',
        sku: 'X1-B',
        requested: 4,
        available: 1,
      });
    });

    it('releases the lines it reserved', async () => {
      await seedStock(env.deps, { 'X2-A': 5, 'X2-B': 5, 'X2-C': 0 });
      const order = orderPlaced('O-X2', [
        { sku: 'X2-A', quantity: 2 },
        { sku: 'X2-B', quantity: 3 },
        { sku: 'X2-C', quantity: 1 },
      ]);

      await deliver(consume, [order]);

      expect(await availableOf(env.deps, 'X2-A')).toBe(5);
      expect(await availableOf(env.deps, 'X2-B')).toBe(5);
      expect(await availableOf(env.deps, 'X2-C')).toBe(0);
      expect((await readStock(env.deps, 'X2-A'))?.holds).toEqual({});
      expect((await readStock(env.deps, 'X2-B'))?.holds).toEqual({});
    });

    it('marks the record REJECTED with the reason', async () => {
      await seedStock(env.deps, { 'X3-A': 1 });

      await deliver(consume, [
        orderPlaced('O-X3', [{ sku: 'X3-A', quantity: 2 }]),
      ]);

      const record = await env.deps.reservations.get('O-X3');
      expect(record?.status).toBe('REJECTED');
      expect(record?.rejection).toEqual({
        reason: 'OUT_OF_STOCK',
        sku: 'X3-A',
        requested: 2,
        available: 1,
      });
    });

    it('rejects a SKU without stock item', async () => {
      await seedStock(env.deps, { 'X4-A': 5 });
      const order = orderPlaced('O-X4', [
        { sku: 'X4-A', quantity: 1 },
        { sku: 'X4-MISSING', quantity: 2 },
      ]);

      await deliver(consume, [order]);

      const [event] = env.publisher
        .ofType('StockRejected')
        .filter((candidate) => candidate.id === 'StockRejected:O-X4');
      expect(event?.payload).toEqual({
        orderId: 'O-X4',
        reason: 'UNKNOWN_SKU',
        sku: 'X4-MISSING',
        requested: 2,
        available: 0,
      });
      expect(await availableOf(env.deps, 'X4-A')).toBe(5);
      expect(await readStock(env.deps, 'X4-MISSING')).toBeUndefined();
    });

    it('announces no level it emptied itself', async () => {
      await seedStock(env.deps, { 'X5-A': 2, 'X5-B': 0 });
      const order = orderPlaced('O-X5', [
        { sku: 'X5-A', quantity: 2 },
        { sku: 'X5-B', quantity: 1 },
      ]);

      await deliver(consume, [order]);

      const levelEvents = env.publisher.events.filter((event) =>
        event.id.endsWith(':O-X5'),
      );
      expect(levelEvents.map((event) => event.type)).toEqual(['StockRejected']);
    });
  });

  describe('with a 675-line order', () => {
    const skus = Array.from({ length: 225 }, (_, i) => `BIG-${i}`);
    const lines = skus.flatMap((sku) => [
      { sku, quantity: 1 },
      { sku, quantity: 2 },
      { sku, quantity: 1 },
    ]);

    beforeAll(async () => {
      await seedStock(
        env.deps,
        Object.fromEntries(skus.map((sku) => [sku, 10])),
      );
    });

    it('reserves every line once', async () => {
      const order = orderPlaced('O-BIG', lines);

      const failures = await deliver(consume, [order]);

      expect(lines).toHaveLength(675);
      expect(failures).toEqual([]);
      for (const sku of skus) {
        expect(await availableOf(env.deps, sku)).toBe(6);
      }
      expect(env.publisher.idsOfType('StockReserved')).toContain(
        'StockReserved:O-BIG',
      );
    });

    it('rejects and restores a short order', async () => {
      await seedStock(env.deps, { 'BIG-224': 3 });
      const order = orderPlaced('O-BIG-SHORT', lines);

      await deliver(consume, [order]);

      const record = await env.deps.reservations.get('O-BIG-SHORT');
      expect(record?.status).toBe('REJECTED');
      expect(record?.rejection?.sku).toBe('BIG-224');
      for (const sku of skus.slice(0, 224)) {
        expect(await availableOf(env.deps, sku)).toBe(6);
      }
      expect(await availableOf(env.deps, 'BIG-224')).toBe(3);
    });
  });
});
