import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { lambdaContext } from '@retail/testing';
import type { PlacedOrderView } from '../../src/domain/order-view';
import { createHttpHandler } from '../../src/handlers/http';
import { invokeHttp } from '../support/invoke';
import { orderBody, placeOrderEvent } from '../support/requests';
import { startTestbed, type Testbed } from '../support/testbed';

let testbed: Testbed;
let handler: ReturnType<typeof createHttpHandler>;

beforeAll(async () => {
  testbed = await startTestbed();
  handler = createHttpHandler(testbed.deps);
});

afterAll(async () => {
  await testbed.stop();
});

beforeEach(async () => {
  await testbed.reset();
  await testbed.seedPrices([
    { sku: 'SKU-1', amount: 250, name: 'Tea' },
    { sku: 'SKU-2', amount: 1000, name: 'Pot' },
  ]);
});

const bodyA = orderBody('cust-1', [
  { sku: 'SKU-1', quantity: 2 },
  { sku: 'SKU-2', quantity: 1 },
]);
const bodyB = orderBody('cust-1', [{ sku: 'SKU-1', quantity: 5 }]);

type PlaceResponse = PlacedOrderView & { message?: string };

function place(body: unknown, key?: string) {
  const headers: Record<string, string> =
    key === undefined ? {} : { 'idempotency-key': key };
  return invokeHttp<PlaceResponse>(handler, placeOrderEvent(body, headers));
}

async function scanCount(tableName: string): Promise<number> {
  const { Count = 0 } = await testbed.documentClient.send(
    new ScanCommand({ TableName: tableName, Select: 'COUNT' }),
  );
  return Count;
}

describe('POST /orders', () => {
  describe('placing an order', () => {
    it('returns 201 with the priced order', async () => {
      const response = await place(bodyA, 'key-1');

      expect(response.statusCode).toBe(201);
      expect(response.body).toMatchObject({
        status: 'PENDING',
        customerId: 'cust-1',
        total: { amount: 1500, currency: 'GBP' },
      });
      expect(response.body.orderId).toMatch(/^ord_[0-9a-f]{26}$/);
      expect(response.body.lines).toEqual([
        {
          lineNo: 1,
          sku: 'SKU-1',
          name: 'Tea',
          quantity: 2,
          unitPrice: { amount: 250, currency: 'GBP' },
          lineTotal: { amount: 500, currency: 'GBP' },
        },
        {
          lineNo: 2,
          sku: 'SKU-2',
          name: 'Pot',
          quantity: 1,
          unitPrice: { amount: 1000, currency: 'GBP' },
          lineTotal: { amount: 1000, currency: 'GBP' },
        },
      ]);
    });

    it('publishes OrderPlaced with a deterministic id', async () => {
      const response = await place(bodyA, 'key-1');

      const [event] = testbed.publisher.ofType('OrderPlaced');
      expect(testbed.publisher.events).toHaveLength(1);
      expect(event?.id).toBe(`OrderPlaced:${response.body.orderId}`);
      expect(event?.source).toBe('retail.orders');
      expect(event?.payload).toEqual({
        orderId: response.body.orderId,
        customerId: 'cust-1',
        lines: [
          { sku: 'SKU-1', quantity: 2 },
          { sku: 'SKU-2', quantity: 1 },
        ],
        total: { amount: 1500, currency: 'GBP' },
      });
    });

    it('prices a repeated SKU on each line', async () => {
      const body = orderBody('cust-1', [
        { sku: 'SKU-1', quantity: 1 },
        { sku: 'SKU-1', quantity: 3 },
      ]);

      const response = await place(body, 'key-1');

      expect(response.statusCode).toBe(201);
      expect(response.body.lines).toHaveLength(2);
      expect(response.body.total).toEqual({ amount: 1000, currency: 'GBP' });
    });
  });

  describe('Idempotency-Key header', () => {
    it('rejects requests without it', async () => {
      const first = await place(bodyA);
      const second = await place(bodyB);

      expect(first.statusCode).toBe(400);
      expect(second.statusCode).toBe(400);
      expect(second.body).toMatchObject({
        message: expect.stringContaining('Idempotency-Key header is required'),
      });
      expect(second.body).not.toHaveProperty('orderId');
      expect(await scanCount(testbed.tables.orders)).toBe(0);
      expect(testbed.publisher.events).toHaveLength(0);
    });

    it('rejects an empty value', async () => {
      const response = await place(bodyA, '   ');

      expect(response.statusCode).toBe(400);
      expect(response.body.message).toMatch(/Idempotency-Key/);
    });

    it('is found whatever its letter case', async () => {
      const upper = placeOrderEvent(bodyA, { 'IDEMPOTENCY-KEY': 'key-1' });
      const mixed = placeOrderEvent(bodyA, { 'Idempotency-Key': 'key-1' });

      const first = await invokeHttp<PlacedOrderView>(handler, upper);
      const second = await invokeHttp<PlacedOrderView>(handler, mixed);

      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(201);
      expect(second.body.orderId).toBe(first.body.orderId);
    });

    it('gives different keys different orders', async () => {
      const first = await place(bodyA, 'key-1');
      const second = await place(bodyA, 'key-2');

      expect(second.body.orderId).not.toBe(first.body.orderId);
      expect(await scanCount(testbed.tables.orders)).toBe(2);
    });
  });

  describe('idempotency', () => {
    it('replays the first response for the same body', async () => {
      const first = await place(bodyA, 'key-1');

      const second = await place(bodyA, 'key-1');

      expect(second.statusCode).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(testbed.publisher.events).toHaveLength(1);
    });

    it('rejects another body with 422', async () => {
      await place(bodyA, 'key-1');

      const second = await place(bodyB, 'key-1');

      expect(second.statusCode).toBe(422);
      expect(second.body.message).toMatch(/already used with a different/);
    });

    it('changes nothing for another body', async () => {
      const first = await place(bodyA, 'key-1');

      await place(bodyB, 'key-1');

      const replay = await place(bodyA, 'key-1');
      expect(replay.body).toEqual(first.body);
      expect(await scanCount(testbed.tables.orders)).toBe(1);
      expect(testbed.publisher.events).toHaveLength(1);
    });

    it('returns 409 while the first call runs', async () => {
      const first = await place(bodyA, 'key-1');
      await lockIdempotencyRecord(Date.now() + 60_000);
      testbed.publisher.clear();

      const retry = await place(bodyA, 'key-1');

      expect(retry.statusCode).toBe(409);
      expect(retry.body.message).toMatch(/still in progress/);
      expect(retry.body).not.toHaveProperty('orderId', first.body.orderId);
      expect(testbed.publisher.events).toHaveLength(0);
    });

    it('lets a retry through an expired lock', async () => {
      const first = await place(bodyA, 'key-1');
      await lockIdempotencyRecord(Date.now() - 1_000);
      testbed.publisher.clear();

      const retry = await place(bodyA, 'key-1');

      expect(retry.statusCode).toBe(201);
      expect(retry.body).toEqual(first.body);
    });

    it('publishes OrderPlaced again after a crash', async () => {
      const first = await place(bodyA, 'key-1');
      await lockIdempotencyRecord(Date.now() - 1_000);
      testbed.publisher.clear();

      await place(bodyA, 'key-1');

      const events = testbed.publisher.ofType('OrderPlaced');
      expect(events).toHaveLength(1);
      expect(events[0]?.id).toBe(`OrderPlaced:${first.body.orderId}`);
      expect(await scanCount(testbed.tables.orders)).toBe(1);
    });

    it('locks no longer than the invocation deadline', async () => {
      const context = lambdaContext({ getRemainingTimeInMillis: () => 5_000 });
      const event = placeOrderEvent(bodyA, { 'idempotency-key': 'key-1' });

      const before = Date.now();
      await invokeHttp(handler, event, context);
      const after = Date.now();

      const [record] = await idempotencyRecords();
      const lock = Number(record?.in_progress_expiration);
      expect(lock).toBeGreaterThanOrEqual(before + 5_000);
      expect(lock).toBeLessThanOrEqual(after + 5_000);
    });
  });

  describe('pricing', () => {
    it('rejects unknown SKUs naming them', async () => {
      const body = orderBody('cust-1', [
        { sku: 'SKU-1', quantity: 1 },
        { sku: 'NOPE-1', quantity: 1 },
        { sku: 'NOPE-2', quantity: 1 },
      ]);

      const response = await place(body, 'key-1');

      expect(response.statusCode).toBe(422);
      expect(response.body.message).toBe(
        'unknown or inactive SKU(s): NOPE-1, NOPE-2: import them into the catalog first',
      );
    });

    it('rejects inactive SKUs', async () => {
      await testbed.seedPrices([{ sku: 'OLD-1', amount: 100, active: false }]);

      const response = await place(
        orderBody('cust-1', [{ sku: 'OLD-1', quantity: 1 }]),
        'key-1',
      );

      expect(response.statusCode).toBe(422);
      expect(response.body.message).toMatch(/OLD-1/);
    });

    it('writes nothing for a rejected order', async () => {
      await place(orderBody('cust-1', [{ sku: 'NOPE', quantity: 1 }]), 'k');

      expect(await scanCount(testbed.tables.orders)).toBe(0);
      expect(await scanCount(testbed.tables.idempotency)).toBe(0);
      expect(testbed.publisher.events).toHaveLength(0);
    });

    it('rejects SKUs priced in another currency', async () => {
      await testbed.seedPrices([
        { sku: 'EUR-1', amount: 100, currency: 'EUR' },
      ]);

      const response = await place(
        orderBody('cust-1', [{ sku: 'EUR-1', quantity: 1 }]),
        'key-1',
      );

      expect(response.statusCode).toBe(422);
      expect(response.body.message).toMatch(/not priced in GBP: EUR-1/);
    });
  });

  describe('large orders', () => {
    it('stores and publishes 675 lines', async () => {
      const skus = Array.from({ length: 250 }, (_, i) => `BULK-${i}`);
      await testbed.seedPrices(skus.map((sku) => ({ sku, amount: 3 })));
      const lines = Array.from({ length: 675 }, (_, i) => ({
        sku: skus[i % skus.length] ?? 'BULK-0',
        quantity: 2,
      }));

      const response = await place(orderBody('cust-1', lines), 'key-1');

      expect(response.statusCode).toBe(201);
      expect(response.body.lines).toHaveLength(675);
      expect(response.body.total).toEqual({ amount: 4050, currency: 'GBP' });
      const stored = await storedOrder(response.body.orderId);
      expect(stored?.lineCount).toBe(675);
      const [event] = testbed.publisher.ofType('OrderPlaced');
      const payload = event?.payload as { lines?: unknown[] } | undefined;
      expect(payload?.lines).toHaveLength(675);
    });

    it('keeps the idempotency record small', async () => {
      const skus = Array.from({ length: 250 }, (_, i) => `BULK-${i}`);
      await testbed.seedPrices(skus.map((sku) => ({ sku, amount: 3 })));
      const lines = Array.from({ length: 675 }, (_, i) => ({
        sku: skus[i % skus.length] ?? 'BULK-0',
        quantity: 2,
      }));

      await place(orderBody('cust-1', lines), 'key-1');

      const { Items = [] } = await testbed.documentClient.send(
        new ScanCommand({ TableName: testbed.deps.config.idempotencyTable }),
      );
      expect(Items).toHaveLength(1);
      expect(JSON.stringify(Items[0]).length).toBeLessThan(1024);
    });

    it('replays a PENDING response after confirmation', async () => {
      const first = await place(bodyA, 'key-1');
      await testbed.documentClient.send(
        new UpdateCommand({
          TableName: testbed.deps.config.ordersTable,
          Key: { orderId: first.body.orderId },
          UpdateExpression: 'SET #status = :confirmed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':confirmed': 'CONFIRMED' },
        }),
      );

      const replay = await place(bodyA, 'key-1');

      expect(replay.statusCode).toBe(201);
      expect(replay.body).toEqual(first.body);
    });

    it('rejects more than 1000 lines', async () => {
      const lines = Array.from({ length: 1001 }, () => ({
        sku: 'SKU-1',
        quantity: 1,
      }));

      const response = await place(orderBody('cust-1', lines), 'key-1');

      expect(response.statusCode).toBe(422);
      expect(response.body.message).toMatch(/at most 1000 lines, got 1001/);
    });
  });

  describe('request validation', () => {
    it.each([
      ['no lines', orderBody('cust-1', []), /lines/],
      [
        'zero quantity',
        orderBody('cust-1', [{ sku: 'SKU-1', quantity: 0 }]),
        /quantity/,
      ],
      [
        'fractional quantity',
        orderBody('cust-1', [{ sku: 'SKU-1', quantity: 1.5 }]),
        /quantity/,
      ],
      [
        'quantity above 100000',
        orderBody('cust-1', [{ sku: 'SKU-1', quantity: 100_001 }]),
        /quantity/,
      ],
      ['another currency', { ...bodyA, currency: 'EUR' }, /currency/],
      ['no customerId', { currency: 'GBP', lines: bodyA.lines }, /customerId/],
      ['an unknown field', { ...bodyA, note: 'gift' }, /note/],
      [
        'an unknown line field',
        orderBody('cust-1', [{ sku: 'SKU-1', quantity: 1, price: 5 } as never]),
        /price/,
      ],
    ])('rejects %s with 422', async (_name, body, field) => {
      const response = await place(body, 'key-1');

      expect(response.statusCode).toBe(422);
      expect(response.body.message).toMatch(field);
    });

    it('rejects a body that is not JSON', async () => {
      const response = await place('{"customerId":', 'key-1');

      expect(response.statusCode).toBe(400);
    });
  });
});

async function idempotencyRecords() {
  const { Items = [] } = await testbed.documentClient.send(
    new ScanCommand({ TableName: testbed.tables.idempotency }),
  );
  return Items;
}

/**
 * Turns the single idempotency record back into an in-progress lock, as
 * if the invocation that took it died before it stored its result.
 */
async function lockIdempotencyRecord(lockExpiresAtMs: number) {
  const [record] = await idempotencyRecords();
  await testbed.documentClient.send(
    new UpdateCommand({
      TableName: testbed.tables.idempotency,
      Key: { id: record?.id },
      UpdateExpression: 'SET #status = :status, #lock = :lock REMOVE #data',
      ExpressionAttributeNames: {
        '#status': 'status',
        '#lock': 'in_progress_expiration',
        '#data': 'data',
      },
      ExpressionAttributeValues: {
        ':status': 'INPROGRESS',
        ':lock': lockExpiresAtMs,
      },
    }),
  );
}

async function storedOrder(orderId: string) {
  const { Items = [] } = await testbed.documentClient.send(
    new ScanCommand({ TableName: testbed.tables.orders }),
  );
  return Items.find((stored) => stored.orderId === orderId);
}
