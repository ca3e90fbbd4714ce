import { setTimeout as sleep } from 'node:timers/promises';
import { HttpClient } from '../../src/http-client';
import { PlatformApi } from '../../src/platform-api';
import { buildTimeline, sendInvoices } from '../../src/send-invoices';
import {
  type FakePlatform,
  type ReceivedRequest,
  startFakePlatform,
} from './fake-platform';
import { planOf } from './retail-csv';

let platform: FakePlatform | undefined;

afterEach(async () => {
  await platform?.stop();
  platform = undefined;
});

function ordersPlatform(rejectKeys: string[] = []) {
  return (request: ReceivedRequest) => {
    const key = String(request.headers['idempotency-key']);
    if (request.path === '/orders') {
      return rejectKeys.includes(key)
        ? { status: 422, body: { message: 'unknown SKU' } }
        : { status: 201, body: { orderId: `ord-${key}`, status: 'PENDING' } };
    }
    return { status: 200, body: { status: 'CANCELLED' } };
  };
}

const MESS = [
  { invoice: '1', code: '22633', date: '2010-12-01 08:00:00' },
  { invoice: '2', code: '71053', date: '2010-12-01 07:00:00' },
  { invoice: 'C3', code: '22633', quantity: -1, date: '2010-12-01 09:00:00' },
  { invoice: '4', code: '22633', customer: '', date: '2010-12-01 10:00:00' },
];

describe('sendInvoices', () => {
  it('places each order with its InvoiceNo as key', async () => {
    platform = await startFakePlatform(ordersPlatform());
    const plan = await planOf(MESS);

    await sendInvoices(plan, new PlatformApi(new HttpClient(platform.url)), {
      concurrency: 1,
    });

    const placed = platform.requests.filter((r) => r.path === '/orders');
    expect(placed.map((r) => r.headers['idempotency-key'])).toEqual([
      '2',
      '1',
      '4',
    ]);
    expect(placed[2]?.body).toEqual({
      customerId: 'guest',
      currency: 'GBP',
      lines: [{ sku: '22633', quantity: 6 }],
    });
  });

  it('cancels the order id of the target invoice', async () => {
    platform = await startFakePlatform(ordersPlatform());
    const plan = await planOf(MESS);

    const result = await sendInvoices(
      plan,
      new PlatformApi(new HttpClient(platform.url)),
      { concurrency: 4 },
    );

    const cancel = platform.requests.find((r) => r.path.endsWith('/cancel'));
    expect(cancel?.path).toBe('/orders/ord-1/cancel');
    expect(cancel?.body).toEqual({ reason: 'cancellation-invoice' });
    expect(result.cancellations[0]?.status).toBe(200);
  });

  it('sends no cancel when the target was not accepted', async () => {
    platform = await startFakePlatform(ordersPlatform(['1']));
    const plan = await planOf(MESS);

    const result = await sendInvoices(
      plan,
      new PlatformApi(new HttpClient(platform.url)),
      { concurrency: 2 },
    );

    expect(result.cancellations[0]?.notSent).toMatch(/not accepted/);
    expect(platform.requests.some((r) => r.path.endsWith('/cancel'))).toBe(
      false,
    );
  });

  it('keeps at most concurrency requests in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    platform = await startFakePlatform(async (request) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await sleep(5);
      inFlight -= 1;
      return ordersPlatform()(request);
    });
    const rows = Array.from({ length: 12 }, (_, i) => ({
      invoice: String(100 + i),
    }));
    const plan = await planOf(rows);

    const result = await sendInvoices(
      plan,
      new PlatformApi(new HttpClient(platform.url)),
      { concurrency: 3 },
    );

    expect(result.orders).toHaveLength(12);
    expect(maxInFlight).toBeLessThanOrEqual(3);
  });
});

describe('buildTimeline', () => {
  it('orders invoices by time, then file position', async () => {
    const plan = await planOf(MESS);

    const timeline = buildTimeline(plan);

    expect(timeline.map((entry) => entry.invoice.invoiceNo)).toEqual([
      '2',
      '1',
      'C3',
      '4',
    ]);
  });
});
