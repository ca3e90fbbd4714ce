import { lambdaContext } from '@retail/testing';
import { createConsumerHandler } from '../../src/handlers/consumer';
import {
  availableOf,
  type Consumer,
  deliver,
  orderPlaced,
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

const ORDER_COUNT = 20;
const STOCK = 7;

function singleLineOrders(prefix: string, sku: string) {
  return Array.from({ length: ORDER_COUNT }, (_, i) =>
    orderPlaced(`${prefix}-${i}`, [{ sku, quantity: 1 }]),
  );
}

function outcomesFor(prefix: string) {
  const mine = (id: string) => id.includes(`:${prefix}-`);
  return {
    reserved: env.publisher.idsOfType('StockReserved').filter(mine),
    rejected: env.publisher
      .ofType('StockRejected')
      .filter((event) => mine(event.id)),
  };
}

function reasonsOf(events: Array<{ payload: unknown }>): string[] {
  const reasons = events.map(
    (event) => (event.payload as { reason: string }).reason,
  );
  return [...new Set(reasons)];
}

describe('concurrent orders for one SKU', () => {
  describe('in one batch', () => {
    let failures: string[];

    beforeAll(async () => {
      await seedStock(env.deps, { 'HOT-1': STOCK });
      failures = await deliver(consume, singleLineOrders('B', 'HOT-1'));
    });

    it('reserves exactly the stock', async () => {
      const { reserved } = outcomesFor('B');

      expect(failures).toEqual([]);
      expect(reserved).toHaveLength(STOCK);
      expect(await availableOf(env.deps, 'HOT-1')).toBe(0);
    });

    it('rejects the rest as OUT_OF_STOCK', () => {
      const { rejected } = outcomesFor('B');

      expect(rejected).toHaveLength(ORDER_COUNT - STOCK);
      expect(reasonsOf(rejected)).toEqual(['OUT_OF_STOCK']);
    });
  });

  describe('in separate invocations', () => {
    let failures: string[];

    beforeAll(async () => {
      await seedStock(env.deps, { 'HOT-2': STOCK });
      const results = await Promise.all(
        singleLineOrders('I', 'HOT-2').map((order) =>
          deliver(consume, [order], { context: lambdaContext() }),
        ),
      );
      failures = results.flat();
    });

    it('reserves exactly the stock', async () => {
      const { reserved } = outcomesFor('I');

      expect(failures).toEqual([]);
      expect(reserved).toHaveLength(STOCK);
      expect(await availableOf(env.deps, 'HOT-2')).toBe(0);
    });

    it('rejects the rest as OUT_OF_STOCK', () => {
      const { rejected } = outcomesFor('I');

      expect(rejected).toHaveLength(ORDER_COUNT - STOCK);
      expect(reasonsOf(rejected)).toEqual(['OUT_OF_STOCK']);
    });

    it('records one outcome per order', async () => {
      const statuses = await Promise.all(
        Array.from({ length: ORDER_COUNT }, async (_, i) => {
          const record = await env.deps.reservations.get(`I-${i}`);
          return record?.status;
        }),
      );

      const reserved = statuses.filter((status) => status === 'RESERVED');
      const rejected = statuses.filter((status) => status === 'REJECTED');
      expect(reserved).toHaveLength(STOCK);
      expect(rejected).toHaveLength(ORDER_COUNT - STOCK);
    });
  });
});
