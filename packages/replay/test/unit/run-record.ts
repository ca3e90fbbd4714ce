import { emptySnapshot, type MeterSnapshot } from '../../src/meter';
import type { OrderView } from '../../src/platform-api';
import type { RunRecord } from '../../src/summary';
import { planOf } from './retail-csv';

const ROWS = [
  { invoice: '1', code: '22633', quantity: 4, date: '2010-12-01 08:00:00' },
  { invoice: '2', code: '22633', quantity: 6, date: '2010-12-01 09:00:00' },
  { invoice: '2', code: 'POST', date: '2010-12-01 09:00:00' },
];

function snapshot(overrides: Partial<MeterSnapshot> = {}): MeterSnapshot {
  return { ...emptySnapshot(), ...overrides };
}

/** Builds a run of ROWS where order 1 is CONFIRMED and order 2 REJECTED. */
export async function record(): Promise<RunRecord> {
  const plan = await planOf(ROWS);
  const [first, second] = plan.orders;
  if (!first || !second) {
    throw new Error('ROWS must plan two orders');
  }
  const view = (orderId: string, status: OrderView['status']) => ({
    orderId,
    status,
  });

  return {
    plan,
    options: { speed: undefined, concurrency: 8 },
    cloud: { httpUrl: 'http://127.0.0.1:1', startedHere: true },
    imports: {
      catalog: [{ status: 200, written: 1, failed: [] }],
      stock: [{ status: 200, written: 1, failed: [] }],
    },
    sent: {
      orders: [
        { order: first, status: 201, orderId: 'o1' },
        { order: second, status: 201, orderId: 'o2' },
      ],
      cancellations: [],
    },
    orders: [
      {
        invoiceNo: '1',
        orderId: 'o1',
        view: view('o1', 'CONFIRMED'),
        templates: ['order-confirmed'],
      },
      {
        invoiceNo: '2',
        orderId: 'o2',
        view: {
          ...view('o2', 'REJECTED'),
          rejection: { reason: 'OUT_OF_STOCK' },
        },
        templates: ['order-rejected'],
      },
    ],
    // ceil(10 x 0.9) = 9 at the start, 4 taken by order 1.
    finalStock: new Map([['22633', 5]]),
    meters: {
      start: snapshot(),
      afterImport: snapshot({
        functions: {
          'orders-http': {
            invocations: 2,
            errors: 0,
            durationMs: 1,
            gbSeconds: 0.25,
          },
        },
      }),
      afterReplay: snapshot({
        functions: {
          'orders-http': {
            invocations: 5,
            errors: 0,
            durationMs: 1,
            gbSeconds: 1,
          },
        },
        eventBridge: { calls: 3, entries: 6 },
      }),
      end: snapshot({
        memory: { peakBytes: 300 * 2 ** 20, currentBytes: 1 },
        queues: {
          'orders-queue': { visible: 0, inFlight: 0, deadLetters: 0 },
        },
      }),
    },
    http: { errors: new Map(), retries: 0 },
    timings: {
      importMs: 1,
      sendMs: 1000,
      drainMs: 1000,
      collectMs: 1,
      totalMs: 2003,
    },
  };
}
