import { summarize } from '../../src/summary';
import { record } from './run-record';

describe('summarize', () => {
  it('passes a run that keeps every invariant', async () => {
    const summary = summarize(await record());

    expect(summary.failures).toEqual([]);
    expect(summary.ok).toBe(true);
  });

  it('counts rows by outcome', async () => {
    const { rows } = summarize(await record());

    expect(rows.read).toBe(3);
    expect(rows.usedAsOrderLines).toBe(2);
    expect(rows.skippedByReason.NON_PRODUCT_CODE).toBe(1);
    expect(rows.unaccounted).toBe(0);
  });

  it('counts orders by final status', async () => {
    const { orders } = summarize(await record());

    expect(orders.accepted).toBe(2);
    expect(orders.confirmed).toBe(1);
    expect(orders.rejectedByReason).toEqual({ OUT_OF_STOCK: 1 });
    expect(orders.pending).toBe(0);
  });

  it('splits off the consumers’ GB-seconds', async () => {
    const run = await record();
    run.meters.afterReplay.functions['orders-consumer'] = {
      invocations: 1,
      errors: 0,
      durationMs: 1,
      gbSeconds: 0.5,
    };

    const { perOrder } = summarize(run);

    expect(perOrder.consumerGbSeconds).toBe(0.25);
    expect(perOrder.lambdaGbSeconds).toBe(0.625);
  });

  it('reports replay-phase figures per order', async () => {
    const summary = summarize(await record());

    expect(summary.invocations).toEqual({ 'orders-http': 3 });
    expect(summary.perOrder.invocations).toBe(1.5);
    // 1 - 0.25 GB-seconds over the 2 orders submitted.
    expect(summary.perOrder.lambdaGbSeconds).toBe(0.375);
    expect(summary.perOrder.eventBridgeEntries).toBe(3);
    expect(summary.timings.ordersPerSecond).toBe(1);
  });

  it('fails on a pending order', async () => {
    const run = await record();
    const first = run.orders[0];
    if (first) {
      first.view = { orderId: 'o1', status: 'PENDING' };
      first.templates = [];
    }

    const summary = summarize(run);

    expect(summary.ok).toBe(false);
    expect(summary.failures).toContain('1 accepted orders are still PENDING');
  });

  it('fails on a stock mismatch', async () => {
    const run = await record();
    run.finalStock = new Map([['22633', 9]]);

    const summary = summarize(run);

    expect(summary.stockCheck.mismatchCount).toBe(1);
    expect(summary.ok).toBe(false);
  });

  it('fails on a dead-lettered message', async () => {
    const run = await record();
    run.meters.end.queues['orders-queue'] = {
      visible: 0,
      inFlight: 0,
      deadLetters: 2,
    };

    const summary = summarize(run);

    expect(summary.deadLetters).toEqual({ 'orders-queue': 2 });
    expect(summary.failures).toContain('2 messages are in dead-letter queues');
  });

  it('fails on an unaccounted row', async () => {
    const run = await record();
    run.plan.rowsRead += 1;

    const summary = summarize(run);

    expect(summary.rows.unaccounted).toBe(1);
    expect(summary.ok).toBe(false);
  });

  it('fails on a missing notification', async () => {
    const run = await record();
    const first = run.orders[0];
    if (first) {
      first.templates = [];
    }

    const summary = summarize(run);

    expect(summary.notifications.mismatchCount).toBe(1);
    expect(summary.ok).toBe(false);
  });

  it('counts a 201 without orderId as unreadable', async () => {
    const run = await record();
    run.orders = run.orders.slice(1);

    const summary = summarize(run);

    expect(summary.orders.unreadable).toBe(1);
    expect(summary.ok).toBe(false);
  });

  it('fails on an unreadable order', async () => {
    const run = await record();
    const first = run.orders[0];
    if (first) {
      first.view = undefined;
    }

    const summary = summarize(run);

    expect(summary.orders.unreadable).toBe(1);
    expect(summary.ok).toBe(false);
  });
});
