import {
  httpEvent,
  injectUnprocessedItems,
  lambdaContext,
  requestAttribute,
} from '@retail/testing';
import { createHttpHandler } from '../../src/handlers/http';
import { readStock, seedStock } from '../support/fixtures';
import {
  startTestEnvironment,
  type TestEnvironment,
} from '../support/test-environment';

let env: TestEnvironment;

beforeAll(async () => {
  env = await startTestEnvironment();
});

afterAll(async () => {
  await env.stop();
});

type Handler = ReturnType<typeof createHttpHandler>;

function putStock(http: Handler, body: unknown) {
  return http(
    httpEvent('PUT', '/stock', { routeKey: 'PUT /stock', body }),
    lambdaContext(),
  );
}

function parse(response: Awaited<ReturnType<Handler>>) {
  return JSON.parse(response.body ?? '{}');
}

function items(prefix: string, count: number, available = 5) {
  return Array.from({ length: count }, (_, i) => ({
    sku: `${prefix}-${i}`,
    available,
  }));
}

describe('PUT /stock', () => {
  let http: Handler;

  beforeAll(() => {
    http = createHttpHandler(env.deps);
  });

  describe('with valid items', () => {
    it('sets every level', async () => {
      const response = await putStock(http, { items: items('S1', 3, 7) });

      expect(response.statusCode).toBe(200);
      expect(parse(response)).toEqual({ updated: 3, failed: [] });
      for (const i of [0, 1, 2]) {
        expect((await readStock(env.deps, `S1-${i}`))?.available).toBe(7);
      }
    });

    it('replaces the holds of the SKU', async () => {
      await seedStock(env.deps, { 'S2-A': 5 });
      await env.deps.holds.hold('O-S2', { sku: 'S2-A', quantity: 2 });

      await putStock(http, { items: [{ sku: 'S2-A', available: 9 }] });

      const stock = await readStock(env.deps, 'S2-A');
      expect(stock?.available).toBe(9);
      expect(stock?.holds).toEqual({});
    });

    it('announces levels that leave zero', async () => {
      await seedStock(env.deps, { 'S3-ZERO': 0, 'S3-SOME': 4 });

      await putStock(http, {
        items: [
          { sku: 'S3-ZERO', available: 6 },
          { sku: 'S3-SOME', available: 8 },
          { sku: 'S3-NEW', available: 2 },
        ],
      });

      const replenished = env.publisher
        .ofType('StockReplenished')
        .filter((event) => event.id.startsWith('StockReplenished:S3-'));
      expect(replenished.map((event) => event.payload)).toEqual([
        { sku: 'S3-ZERO', available: 6 },
        { sku: 'S3-NEW', available: 2 },
      ]);
    });

    it('announces levels that reach zero', async () => {
      await seedStock(env.deps, { 'S4-SOME': 4, 'S4-ZERO': 0 });

      await putStock(http, {
        items: [
          { sku: 'S4-SOME', available: 0 },
          { sku: 'S4-ZERO', available: 0 },
        ],
      });

      const depleted = env.publisher
        .ofType('StockDepleted')
        .filter((event) => event.id.startsWith('StockDepleted:S4-'));
      expect(depleted.map((event) => event.payload)).toEqual([
        { sku: 'S4-SOME', available: 0 },
      ]);
    });

    it('accepts 1000 items', async () => {
      const response = await putStock(http, { items: items('S5', 1000) });

      expect(response.statusCode).toBe(200);
      expect(parse(response).updated).toBe(1000);
      expect((await readStock(env.deps, 'S5-999'))?.available).toBe(5);
    });
  });

  describe('with invalid input', () => {
    const cases: Array<[string, unknown, number, string]> = [
      ['no body', undefined, 400, 'request body is missing'],
      ['a body that is not JSON', '{"items": [', 400, 'not valid JSON'],
      ['no items', { items: [] }, 422, 'items is empty'],
      ['too many items', { items: items('V', 1001) }, 422, 'more than 1000'],
      [
        'a negative level',
        { items: [{ sku: 'V-1', available: -1 }] },
        422,
        'items.0.available: available must be 0 or more',
      ],
      [
        'a fractional level',
        { items: [{ sku: 'V-1', available: 1.5 }] },
        422,
        'items.0.available: available must be a whole number',
      ],
      [
        'a level given as text',
        { items: [{ sku: 'V-1', available: '3' }] },
        422,
        'items.0.available: available must be a number',
      ],
      [
        'an empty SKU',
        { items: [{ sku: '', available: 1 }] },
        422,
        'items.0.sku: SKU is empty',
      ],
      [
        'an unknown field',
        { items: [{ sku: 'V-1', available: 1, quantity: 1 }] },
        422,
        'quantity',
      ],
    ];

    it.each(cases)('rejects %s', async (_name, body, status, message) => {
      const response = await putStock(http, body);

      expect(response.statusCode).toBe(status);
      expect(parse(response).message).toContain(message);
    });

    it('names duplicate SKUs', async () => {
      const response = await putStock(http, {
        items: [
          { sku: 'V-DUP', available: 1 },
          { sku: 'V-OK', available: 1 },
          { sku: 'V-DUP', available: 2 },
        ],
      });

      const body = parse(response);
      expect(response.statusCode).toBe(422);
      expect(body.duplicates).toEqual(['V-DUP']);
      expect(body.message).toContain('V-DUP');
    });

    it('writes nothing when one item is bad', async () => {
      await putStock(http, {
        items: [
          { sku: 'V-GOOD', available: 3 },
          { sku: 'V-BAD', available: -3 },
        ],
      });

      expect(await readStock(env.deps, 'V-GOOD')).toBeUndefined();
      expect(await readStock(env.deps, 'V-BAD')).toBeUndefined();
    });
  });

  describe('when BatchWriteItem leaves items unprocessed', () => {
    const delays: number[] = [];
    let faulty: ReturnType<typeof env.dependencies>;

    beforeEach(() => {
      delays.length = 0;
      faulty = env.dependencies({
        batchWriteOptions: {
          random: () => 0.5,
          sleep: async (ms) => {
            delays.push(ms);
          },
        },
      });
    });

    it('retries exactly the unprocessed items', async () => {
      const sent = items('U1', 5);
      const fault = injectUnprocessedItems(env.client, (call, requests) =>
        call === 1 ? requests.slice(1, 3) : [],
      );
      const response = await putStock(createHttpHandler(faulty), {
        items: sent,
      });
      fault.remove();

      const retried = fault.calls[1]?.map((entry) =>
        requestAttribute(entry, 'sku'),
      );
      expect(response.statusCode).toBe(200);
      expect(fault.calls).toHaveLength(2);
      expect(retried).toEqual(['U1-1', 'U1-2']);
      expect(delays).toEqual([25]);
      for (const item of sent) {
        expect((await readStock(env.deps, item.sku))?.available).toBe(5);
      }
    });

    it('reports items that stay unprocessed', async () => {
      const sent = items('U2', 5);
      const fault = injectUnprocessedItems(env.client, (_call, requests) =>
        requests.filter((entry) =>
          ['U2-3', 'U2-4'].includes(requestAttribute(entry, 'sku') ?? ''),
        ),
      );
      const response = await putStock(createHttpHandler(faulty), {
        items: sent,
      });
      fault.remove();

      const body = parse(response);
      expect(response.statusCode).toBe(207);
      expect(body.updated).toBe(3);
      expect(body.failed.map((entry: { sku: string }) => entry.sku)).toEqual([
        'U2-3',
        'U2-4',
      ]);
      expect(body.failed[0].reason).toContain('still unprocessed');
      expect(fault.calls).toHaveLength(5);
      expect(await readStock(env.deps, 'U2-3')).toBeUndefined();
      expect((await readStock(env.deps, 'U2-2'))?.available).toBe(5);
    });
  });

  describe('with batch writes switched off', () => {
    it('writes each item on its own', async () => {
      const oneByOne = env.dependencies({
        batchWriteOptions: { batching: false },
      });
      const fault = injectUnprocessedItems(env.client, () => []);

      const response = await putStock(createHttpHandler(oneByOne), {
        items: items('W1', 3, 2),
      });
      fault.remove();

      expect(response.statusCode).toBe(200);
      expect(fault.calls).toHaveLength(0);
      expect((await readStock(env.deps, 'W1-2'))?.available).toBe(2);
    });
  });
});
