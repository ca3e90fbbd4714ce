import { lambdaContext } from '@retail/testing';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { aggregateLines } from '../../src/reservation/aggregate-lines';
import { holdLines } from '../../src/reservation/hold-lines';
import {
  type Invocation,
  startInvocation,
} from '../../src/reservation/invocation';
import {
  availableOf,
  type Consumer,
  deliver,
  type OrderLine,
  orderCancelled,
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

const TIMEOUT_MS = 30_000;
const LEVEL = 10;

/** Seeds stock for the lines and reserves them through the consumer. */
async function reserve(orderId: string, lines: OrderLine[]): Promise<void> {
  await seedStock(
    env.deps,
    Object.fromEntries(lines.map((line) => [line.sku, LEVEL])),
  );
  const failures = await deliver(consume, [orderPlaced(orderId, lines)]);
  expect(failures).toEqual([]);
  expect((await env.deps.reservations.get(orderId))?.status).toBe('RESERVED');
}

function startCrashedAttempt(orderId: string): Invocation {
  const context = lambdaContext({ timeoutMs: TIMEOUT_MS });
  return startInvocation(orderId, context, env.clock.now);
}

async function expectRestored(lines: OrderLine[]): Promise<void> {
  for (const sku of new Set(lines.map((line) => line.sku))) {
    const stock = await readStock(env.deps, sku);
    expect(stock?.available).toBe(LEVEL);
    expect(stock?.holds).toEqual({});
  }
}

describe('OrderCancelled consumer', () => {
  describe('for a reserved order', () => {
    it('gives the stock back', async () => {
      const lines = [
        { sku: 'L1-A', quantity: 3 },
        { sku: 'L1-B', quantity: 1 },
      ];
      await reserve('O-L1', lines);

      const failures = await deliver(consume, [orderCancelled('O-L1')]);

      expect(failures).toEqual([]);
      await expectRestored(lines);
    });

    it('marks the record RELEASED', async () => {
      await reserve('O-L2', [{ sku: 'L2-A', quantity: 1 }]);

      await deliver(consume, [orderCancelled('O-L2')]);

      const record = await env.deps.reservations.get('O-L2');
      expect(record?.status).toBe('RELEASED');
      expect(record?.leaseOwner).toBeUndefined();
    });

    it('publishes StockReplenished from zero', async () => {
      await reserve('O-L3', [{ sku: 'L3-A', quantity: LEVEL }]);

      await deliver(consume, [orderCancelled('O-L3')]);

      const [event] = env.publisher
        .ofType('StockReplenished')
        .filter((candidate) => candidate.id === 'StockReplenished:L3-A:O-L3');
      expect(event?.payload).toEqual({ sku: 'L3-A', available: LEVEL });
    });
  });

  describe('delivered more than once', () => {
    it('releases once when delivered twice', async () => {
      const lines = [{ sku: 'D1-A', quantity: 4 }];
      await reserve('O-D1', lines);

      await deliver(consume, [orderCancelled('O-D1')]);
      const failures = await deliver(consume, [orderCancelled('O-D1')], {
        receiveCount: 2,
      });

      expect(failures).toEqual([]);
      await expectRestored(lines);
    });

    it('releases once when delivered concurrently', async () => {
      const lines = [
        { sku: 'D2-A', quantity: 4 },
        { sku: 'D2-B', quantity: 2 },
      ];
      await reserve('O-D2', lines);

      const concurrent = await Promise.all(
        [1, 2, 3].map(() =>
          deliver(consume, [orderCancelled('O-D2')], {
            context: lambdaContext(),
          }),
        ),
      );
      env.clock.advance(TIMEOUT_MS + 1);
      const retried = await Promise.all(
        concurrent
          .filter((failures) => failures.length > 0)
          .map(() =>
            deliver(consume, [orderCancelled('O-D2')], { receiveCount: 2 }),
          ),
      );

      expect(retried.flat()).toEqual([]);
      expect(
        concurrent.filter((failures) => failures.length === 0).length,
      ).toBeGreaterThanOrEqual(1);
      await expectRestored(lines);
    });

    it('resumes a release that crashed', async () => {
      const lines = [
        { sku: 'D3-A', quantity: 2 },
        { sku: 'D3-B', quantity: 3 },
      ];
      await reserve('O-D3', lines);
      const crashed = startCrashedAttempt('O-D3');
      await env.deps.reservations.beginRelease('O-D3', crashed.lease);
      await env.deps.holds.restock('O-D3', { sku: 'D3-A', quantity: 2 });
      env.clock.advance(TIMEOUT_MS + 1);

      const failures = await deliver(consume, [orderCancelled('O-D3')], {
        receiveCount: 2,
      });

      expect(failures).toEqual([]);
      expect((await env.deps.reservations.get('O-D3'))?.status).toBe(
        'RELEASED',
      );
      await expectRestored(lines);
    });

    it('fails during a live release lease', async () => {
      await reserve('O-D4', [{ sku: 'D4-A', quantity: 2 }]);
      const running = startCrashedAttempt('O-D4');
      await env.deps.reservations.beginRelease('O-D4', running.lease);

      const failures = await deliver(consume, [orderCancelled('O-D4')]);

      expect(failures).toHaveLength(1);
      expect(await availableOf(env.deps, 'D4-A')).toBe(LEVEL - 2);
    });
  });

  describe('before the order is placed', () => {
    it('records the cancellation', async () => {
      const failures = await deliver(consume, [orderCancelled('O-E1')]);

      expect(failures).toEqual([]);
      expect((await env.deps.reservations.get('O-E1'))?.status).toBe(
        'CANCELLED',
      );
    });

    it('prevents the later reservation', async () => {
      await seedStock(env.deps, { 'E2-A': LEVEL });
      await deliver(consume, [orderCancelled('O-E2')]);

      const failures = await deliver(consume, [
        orderPlaced('O-E2', [{ sku: 'E2-A', quantity: 2 }]),
      ]);

      const outcomes = env.publisher.events.filter((event) =>
        event.id.endsWith(':O-E2'),
      );
      expect(failures).toEqual([]);
      expect(outcomes).toEqual([]);
      expect(await availableOf(env.deps, 'E2-A')).toBe(LEVEL);
    });
  });

  describe('during a reservation', () => {
    it('fails while the reservation lease is live', async () => {
      const lines = [{ sku: 'R1-A', quantity: 2 }];
      await seedStock(env.deps, { 'R1-A': LEVEL });
      const running = startCrashedAttempt('O-R1');
      await env.deps.reservations.acquire(
        'O-R1',
        aggregateLines(lines),
        running.lease,
      );

      const failures = await deliver(consume, [orderCancelled('O-R1')]);

      expect(failures).toHaveLength(1);
      expect((await env.deps.reservations.get('O-R1'))?.status).toBe(
        'RESERVING',
      );
    });

    it('waits for a reservation that ends', async () => {
      const lines = [{ sku: 'R9-A', quantity: 2 }];
      await seedStock(env.deps, { 'R9-A': LEVEL });
      const running = startCrashedAttempt('O-R9');
      const aggregated = aggregateLines(lines);
      await env.deps.reservations.acquire('O-R9', aggregated, running.lease);
      await holdLines(env.deps, running, aggregated);
      // The other invocation finishes while the cancellation waits.
      let polls = 0;
      const waiting = createConsumerHandler(
        env.dependencies({
          sleep: async (ms) => {
            polls += 1;
            env.clock.advance(ms);
            if (polls === 2) {
              await env.deps.reservations.markReserved('O-R9', running.lease);
            }
          },
        }),
      );

      const failures = await deliver(waiting, [orderCancelled('O-R9')]);

      expect(failures).toEqual([]);
      expect(polls).toBe(2);
      expect((await env.deps.reservations.get('O-R9'))?.status).toBe(
        'RELEASED',
      );
      expect(await availableOf(env.deps, 'R9-A')).toBe(LEVEL);
    });

    it('does not wait for its own failed reservation', async () => {
      await seedStock(env.deps, { 'R8-A': LEVEL });
      let sleeps = 0;
      const deps = env.dependencies({
        sleep: async (ms) => {
          sleeps += 1;
          env.clock.advance(ms);
        },
      });
      jest.spyOn(deps.holds, 'hold').mockRejectedValue(new Error('throttled'));

      // One batch, so both records share the invocation's lease.
      const failures = await deliver(createConsumerHandler(deps), [
        orderPlaced('O-R8', [{ sku: 'R8-A', quantity: 1 }]),
        orderCancelled('O-R8'),
      ]);

      expect(failures).toHaveLength(2);
      expect(sleeps).toBe(0);
    });

    it('releases the holds of a crashed reservation', async () => {
      const lines = [
        { sku: 'R2-A', quantity: 2 },
        { sku: 'R2-B', quantity: 5 },
      ];
      await seedStock(env.deps, { 'R2-A': LEVEL, 'R2-B': LEVEL });
      const crashed = startCrashedAttempt('O-R2');
      await env.deps.reservations.acquire(
        'O-R2',
        aggregateLines(lines),
        crashed.lease,
      );
      await holdLines(env.deps, crashed, aggregateLines(lines));
      env.clock.advance(TIMEOUT_MS + 1);

      const failures = await deliver(consume, [orderCancelled('O-R2')], {
        receiveCount: 2,
      });

      const record = await env.deps.reservations.get('O-R2');
      expect(failures).toEqual([]);
      expect(record?.status).toBe('CANCELLED');
      expect(record?.lines).toBeUndefined();
      await expectRestored(lines);
    });

    it('keeps a retried OrderPlaced from reserving', async () => {
      const lines = [{ sku: 'R3-A', quantity: 2 }];
      await seedStock(env.deps, { 'R3-A': LEVEL });
      const crashed = startCrashedAttempt('O-R3');
      await env.deps.reservations.acquire(
        'O-R3',
        aggregateLines(lines),
        crashed.lease,
      );
      await holdLines(env.deps, crashed, aggregateLines(lines));
      env.clock.advance(TIMEOUT_MS + 1);
      await deliver(consume, [orderCancelled('O-R3')], { receiveCount: 2 });

      const failures = await deliver(consume, [orderPlaced('O-R3', lines)], {
        receiveCount: 2,
      });

      expect(failures).toEqual([]);
      await expectRestored(lines);
      expect(env.publisher.idsOfType('StockReserved')).not.toContain(
        'StockReserved:O-R3',
      );
    });
  });

  describe('for a rejected order', () => {
    it('changes nothing', async () => {
      await seedStock(env.deps, { 'J1-A': 1 });
      await deliver(consume, [
        orderPlaced('O-J1', [{ sku: 'J1-A', quantity: 2 }]),
      ]);

      const failures = await deliver(consume, [orderCancelled('O-J1')]);

      expect(failures).toEqual([]);
      expect((await env.deps.reservations.get('O-J1'))?.status).toBe(
        'REJECTED',
      );
      expect(await availableOf(env.deps, 'J1-A')).toBe(1);
    });
  });

  describe('with a 675-line order', () => {
    it('restores every SKU once', async () => {
      const skus = Array.from({ length: 225 }, (_, i) => `BIGR-${i}`);
      const lines = skus.flatMap((sku) => [
        { sku, quantity: 1 },
        { sku, quantity: 2 },
        { sku, quantity: 1 },
      ]);
      await reserve('O-BIGR', lines);

      await deliver(consume, [orderCancelled('O-BIGR')]);
      const failures = await deliver(consume, [orderCancelled('O-BIGR')], {
        receiveCount: 2,
      });

      expect(lines).toHaveLength(675);
      expect(failures).toEqual([]);
      await expectRestored(lines);
    });
  });
});
