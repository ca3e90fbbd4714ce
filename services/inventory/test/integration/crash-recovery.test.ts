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
  deliveryOf,
  type OrderLine,
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

function linesFor(prefix: string): OrderLine[] {
  return ['A', 'B', 'C', 'D'].map((suffix) => ({
    sku: `${prefix}-${suffix}`,
    quantity: 2,
  }));
}

async function seedLines(lines: OrderLine[], level: number): Promise<void> {
  const levels = Object.fromEntries(lines.map((line) => [line.sku, level]));
  await seedStock(env.deps, levels);
}

/** Takes the order's lock as a first attempt that then crashes. */
async function lockAsCrashedAttempt(
  orderId: string,
  lines: OrderLine[],
): Promise<Invocation> {
  const context = lambdaContext({ timeoutMs: TIMEOUT_MS });
  const invocation = startInvocation(orderId, context, env.clock.now);
  const lock = await env.deps.reservations.acquire(
    orderId,
    aggregateLines(lines),
    invocation.lease,
  );
  expect(lock.acquired).toBe(true);
  return invocation;
}

/** Delivers the order again once the crashed attempt's lease expired. */
async function redeliverAfterLease(order: ReturnType<typeof orderPlaced>) {
  env.clock.advance(TIMEOUT_MS + 1);
  return deliver(consume, [order], { receiveCount: 2 });
}

async function expectReservedOnce(orderId: string, lines: OrderLine[]) {
  const record = await env.deps.reservations.get(orderId);
  expect(record?.status).toBe('RESERVED');
  for (const line of lines) {
    const stock = await readStock(env.deps, line.sku);
    expect(stock?.available).toBe(10 - line.quantity);
    expect(stock?.holds).toEqual({});
  }
  const published = env.publisher
    .idsOfType('StockReserved')
    .filter((id) => id === `StockReserved:${orderId}`);
  expect(published.length).toBeGreaterThanOrEqual(1);
}

describe('OrderPlaced redelivered after a crash', () => {
  describe('after the lock only', () => {
    it('reserves every line once', async () => {
      const lines = linesFor('C1');
      await seedLines(lines, 10);
      await lockAsCrashedAttempt('O-C1', lines);

      const failures = await redeliverAfterLease(orderPlaced('O-C1', lines));

      expect(failures).toEqual([]);
      await expectReservedOnce('O-C1', lines);
    });
  });

  describe('after half the SKUs', () => {
    it('reserves every line once', async () => {
      const lines = linesFor('C2');
      await seedLines(lines, 10);
      const crashed = await lockAsCrashedAttempt('O-C2', lines);
      await holdLines(env.deps, crashed, aggregateLines(lines).slice(0, 2));

      const failures = await redeliverAfterLease(orderPlaced('O-C2', lines));

      expect(failures).toEqual([]);
      await expectReservedOnce('O-C2', lines);
    });
  });

  describe('after every SKU, before RESERVED', () => {
    it('reserves every line once', async () => {
      const lines = linesFor('C3');
      await seedLines(lines, 10);
      const crashed = await lockAsCrashedAttempt('O-C3', lines);
      await holdLines(env.deps, crashed, aggregateLines(lines));

      const failures = await redeliverAfterLease(orderPlaced('O-C3', lines));

      expect(failures).toEqual([]);
      await expectReservedOnce('O-C3', lines);
    });
  });

  describe('after RESERVED, before the holds cleanup', () => {
    it('reserves once and clears the holds', async () => {
      const lines = linesFor('C4');
      await seedLines(lines, 10);
      const crashed = await lockAsCrashedAttempt('O-C4', lines);
      await holdLines(env.deps, crashed, aggregateLines(lines));
      await env.deps.reservations.markReserved('O-C4', crashed.lease);

      const failures = await deliver(consume, [orderPlaced('O-C4', lines)], {
        receiveCount: 2,
      });

      expect(failures).toEqual([]);
      await expectReservedOnce('O-C4', lines);
    });

    it('publishes StockReserved again with its id', async () => {
      const lines = linesFor('C6');
      await seedLines(lines, 10);
      const crashed = await lockAsCrashedAttempt('O-C6', lines);
      await holdLines(env.deps, crashed, aggregateLines(lines));
      await env.deps.reservations.markReserved('O-C6', crashed.lease);
      const before = env.publisher.idsOfType('StockReserved').length;

      await deliver(consume, [orderPlaced('O-C6', lines)], { receiveCount: 2 });

      const ids = env.publisher.idsOfType('StockReserved').slice(before);
      expect(ids).toEqual(['StockReserved:O-C6']);
    });
  });

  describe('after a rejection, before its release', () => {
    it('gives back the holds of the crash', async () => {
      const lines = linesFor('C5');
      await seedLines(lines, 10);
      await seedStock(env.deps, { 'C5-D': 1 });
      const crashed = await lockAsCrashedAttempt('O-C5', lines);
      await holdLines(env.deps, crashed, aggregateLines(lines).slice(0, 3));

      const failures = await redeliverAfterLease(orderPlaced('O-C5', lines));

      expect(failures).toEqual([]);
      expect((await env.deps.reservations.get('O-C5'))?.status).toBe(
        'REJECTED',
      );
      for (const sku of ['C5-A', 'C5-B', 'C5-C']) {
        expect(await availableOf(env.deps, sku)).toBe(10);
      }
      expect(await availableOf(env.deps, 'C5-D')).toBe(1);
    });
  });
});

describe('OrderPlaced timing out between lock and result', () => {
  it('lets the lease lapse by the deadline', async () => {
    const lines = linesFor('T1');
    await seedLines(lines, 10);
    const startedAt = env.clock.now();

    await lockAsCrashedAttempt('O-T1', lines);

    const record = await env.deps.reservations.get('O-T1');
    expect(record?.leaseExpiresAt).toBeLessThanOrEqual(startedAt + TIMEOUT_MS);
  });

  it('succeeds on the second receive', async () => {
    const lines = linesFor('T2');
    await seedLines(lines, 10);
    const crashed = await lockAsCrashedAttempt('O-T2', lines);
    await holdLines(env.deps, crashed, aggregateLines(lines));

    const failures = await redeliverAfterLease(orderPlaced('O-T2', lines));

    expect(failures).toEqual([]);
    await expectReservedOnce('O-T2', lines);
  });

  it('fails only the leased record', async () => {
    const blocked = linesFor('T3');
    const free = linesFor('T4');
    await seedLines([...blocked, ...free], 10);
    await lockAsCrashedAttempt('O-T3', blocked);
    const event = deliveryOf(
      [orderPlaced('O-T3', blocked), orderPlaced('O-T4', free)],
      2,
    );

    const response = await consume(event, lambdaContext());

    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: event.Records[0]?.messageId },
    ]);
    await expectReservedOnce('O-T4', free);
    expect(await availableOf(env.deps, 'T3-A')).toBe(10);
  });

  it('stops before the deadline margin', async () => {
    const lines = linesFor('T5');
    await seedLines(lines, 10);

    const failures = await deliver(consume, [orderPlaced('O-T5', lines)], {
      context: lambdaContext({ timeoutMs: 1_000 }),
    });

    expect(failures).toHaveLength(1);
    expect(await env.deps.reservations.get('O-T5')).toBeUndefined();
    expect(await availableOf(env.deps, 'T5-A')).toBe(10);
  });
});
