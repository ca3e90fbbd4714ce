import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';

import { injectUnprocessedItems } from '@retail/testing';
import type { Product } from '../../src/data/product';
import { createHttpHandler } from '../../src/handlers/http';
import { type HttpHandler, invoke, type ParsedResponse } from '../support/http';
import {
  createTestDependencies,
  readRawItem,
  startTestBed,
  type TestBed,
  type TestDependencies,
} from '../support/test-bed';

let bed: TestBed;
let deps: TestDependencies;
let handler: HttpHandler;
let delays: number[];

beforeAll(async () => {
  bed = await startTestBed();
});

afterAll(async () => {
  await bed.stop();
});

beforeEach(() => {
  delays = [];
  deps = createTestDependencies(bed, {
    batchOptions: {
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms);
      },
    },
  });
  handler = createHttpHandler(deps);
});

function product(sku: string, overrides: Record<string, unknown> = {}) {
  return {
    sku,
    name: `Product ${sku}`,
    price: { amount: 500, currency: 'GBP' },
    ...overrides,
  };
}

function importProducts(products: unknown[]): Promise<ParsedResponse> {
  return invoke(handler, 'POST', '/products/import', { body: { products } });
}

/**
 * Returns the SKU of a put request. Under a DocumentClient the injected
 * middleware receives plain values, not the AttributeValue maps that the
 * WriteRequest type declares.
 */
function skuOf(request: {
  PutRequest?: { Item?: Record<string, unknown> };
}): string | undefined {
  const sku: unknown = request.PutRequest?.Item?.sku;
  return typeof sku === 'string' ? sku : undefined;
}

function publishedSkus(): string[] {
  return deps.publisher.events
    .map((event) => (event.payload as { sku: string }).sku)
    .sort();
}

describe('POST /products/import', () => {
  describe('writing', () => {
    it('imports new products', async () => {
      const response = await importProducts([
        product('NEW-1', { tags: ['a', 'b'] }),
        product('NEW-2', { active: false }),
      ]);

      const item = await readRawItem(bed, 'NEW-2');
      expect(response.statusCode).toBe(200);
      expect(response.body).toEqual({ imported: 2, failed: [] });
      expect(item?.active).toEqual({ BOOL: false });
      expect(item?.inStock).toEqual({ BOOL: true });
    });

    it('publishes ProductUpserted per product', async () => {
      await importProducts([product('PUB-1'), product('PUB-2')]);

      const stored = await readRawItem(bed, 'PUB-1');
      const event = deps.publisher.events.find((candidate) =>
        candidate.id.startsWith('ProductUpserted:PUB-1:'),
      );
      expect(publishedSkus()).toEqual(['PUB-1', 'PUB-2']);
      expect(event?.id).toBe(`ProductUpserted:PUB-1:${stored?.revision?.N}`);
    });

    it('writes all three when one has no tags', async () => {
      const response = await importProducts([
        product('F09-1', { tags: ['x'] }),
        product('F09-2', { tags: [] }),
        product('F09-3', { tags: ['y', 'z'] }),
      ]);

      const empty = await readRawItem(bed, 'F09-2');
      expect(response.body).toEqual({ imported: 3, failed: [] });
      expect(await readRawItem(bed, 'F09-1')).toBeDefined();
      expect(empty).toBeDefined();
      expect(empty).not.toHaveProperty('tags');
      expect(await readRawItem(bed, 'F09-3')).toBeDefined();
    });

    it('keeps stock state and createdAt of replaced products', async () => {
      const created = await invoke(handler, 'POST', '/products', {
        body: product('KEEP-1'),
      });
      const original = created.body as Product;
      await bed.client.send(markOutOfStock(bed.tableName, 'KEEP-1'));

      await importProducts([product('KEEP-1', { name: 'Renamed' })]);

      const read = await invoke(handler, 'GET', '/products/KEEP-1');
      const replaced = read.body as Product;
      expect(replaced.name).toBe('Renamed');
      expect(replaced.inStock).toBe(false);
      expect(replaced.stockUpdatedAt).toBe('2025-01-15T10:00:00.000Z');
      expect(replaced.createdAt).toBe(original.createdAt);
      expect(replaced.revision).toBeGreaterThan(original.revision);
    });
  });

  describe('validation', () => {
    it('writes nothing when one product is invalid', async () => {
      const response = await importProducts([
        product('VALID-1'),
        product('INVALID-1', { price: { amount: -1, currency: 'GBP' } }),
        product('VALID-2'),
      ]);

      expect(response.statusCode).toBe(422);
      expect(response.body).toMatchObject({
        invalidProducts: [
          { index: 1, sku: 'INVALID-1', errors: [{ field: 'price.amount' }] },
        ],
      });
      expect(await readRawItem(bed, 'VALID-1')).toBeUndefined();
      expect(await readRawItem(bed, 'VALID-2')).toBeUndefined();
      expect(deps.publisher.events).toHaveLength(0);
    });

    it('rejects duplicate SKUs by index', async () => {
      const response = await importProducts([
        product('TWICE-1'),
        product('ONCE-1'),
        product('TWICE-1', { name: 'Second copy' }),
      ]);

      expect(response.statusCode).toBe(422);
      expect(response.body).toMatchObject({
        invalidProducts: [
          {
            index: 2,
            sku: 'TWICE-1',
            errors: [
              {
                field: 'sku',
                problem: 'duplicate of products[0]: send each SKU once',
              },
            ],
          },
        ],
      });
      expect(await readRawItem(bed, 'ONCE-1')).toBeUndefined();
    });

    it('names index and SKU in the message', async () => {
      const response = await importProducts([
        product('MSG-1'),
        product('MSG-2', { name: '' }),
      ]);

      const { message } = response.body as { message: string };
      expect(message).toContain('1 of 2 products are invalid');
      expect(message).toContain('products[1] (sku MSG-2): name:');
    });

    it('rejects an empty product list', async () => {
      const response = await importProducts([]);

      expect(response.statusCode).toBe(422);
      expect(response.body).toMatchObject({
        errors: [{ field: 'products' }],
      });
    });

    it('rejects more than 1000 products', async () => {
      const products = Array.from({ length: 1001 }, (_, index) =>
        product(`MANY-${index}`),
      );

      const response = await importProducts(products);

      expect(response.statusCode).toBe(422);
      expect(await readRawItem(bed, 'MANY-0')).toBeUndefined();
    });
  });

  describe('unprocessed items', () => {
    const FIVE = ['UP-1', 'UP-2', 'UP-3', 'UP-4', 'UP-5'];
    const HELD = ['UP-2', 'UP-4'];

    it('retries exactly the unprocessed items once', async () => {
      const injected = injectUnprocessedItems(bed.client, (call, requests) =>
        call === 1
          ? requests.filter(({ request }) =>
              HELD.includes(skuOf(request) ?? ''),
            )
          : [],
      );

      const response = await importProducts(
        FIVE.map((sku) => product(sku)),
      ).finally(() => injected.remove());

      const retried = injected.calls[1]?.map(({ request }) => skuOf(request));
      expect(injected.calls).toHaveLength(2);
      expect(retried?.sort()).toEqual(HELD);
      expect(delays).toEqual([25]);
      expect(response.body).toEqual({ imported: 5, failed: [] });
      for (const sku of FIVE) {
        expect(await readRawItem(bed, sku)).toBeDefined();
      }
      expect(publishedSkus()).toEqual(FIVE);
    });

    it('reports items that stay unprocessed', async () => {
      const injected = injectUnprocessedItems(bed.client, (_call, requests) =>
        requests.filter(({ request }) =>
          ['UP-7', 'UP-9'].includes(skuOf(request) ?? ''),
        ),
      );
      const skus = ['UP-6', 'UP-7', 'UP-8', 'UP-9', 'UP-10'];

      const response = await importProducts(
        skus.map((sku) => product(sku)),
      ).finally(() => injected.remove());

      const body = response.body as {
        imported: number;
        failed: Array<{ sku: string; reason: string }>;
      };
      expect(response.statusCode).toBe(207);
      expect(body.imported).toBe(3);
      expect(body.failed.map((failure) => failure.sku).sort()).toEqual([
        'UP-7',
        'UP-9',
      ]);
      expect(body.failed[0]?.reason).toContain('still unprocessed after 5');
      expect(publishedSkus()).toEqual(['UP-10', 'UP-6', 'UP-8']);
      expect(await readRawItem(bed, 'UP-7')).toBeUndefined();
    });

    it('backs off exponentially until the bound', async () => {
      const injected = injectUnprocessedItems(bed.client, (_call, requests) =>
        requests.filter(({ request }) => skuOf(request) === 'UP-12'),
      );

      await importProducts([product('UP-11'), product('UP-12')]).finally(() =>
        injected.remove(),
      );

      expect(injected.calls).toHaveLength(5);
      expect(injected.calls[4]?.map(({ request }) => skuOf(request))).toEqual([
        'UP-12',
      ]);
      expect(delays).toEqual([25, 50, 100, 200]);
    });

    it('draws each delay from the jitter source', async () => {
      const draws = [0.1, 0.9];
      const jittered = createTestDependencies(bed, {
        batchOptions: {
          random: () => draws.shift() ?? 0,
          sleep: async (ms) => {
            delays.push(ms);
          },
        },
      });
      const injected = injectUnprocessedItems(bed.client, (call, requests) =>
        call < 3 ? requests : [],
      );

      await invoke(createHttpHandler(jittered), 'POST', '/products/import', {
        body: { products: [product('UP-13')] },
      }).finally(() => injected.remove());

      expect(delays).toEqual([5, 90]);
    });
  });
});

/** Sets a stock state as the stock consumer would, without the consumer. */
function markOutOfStock(tableName: string, sku: string) {
  return new UpdateItemCommand({
    TableName: tableName,
    Key: { sku: { S: sku } },
    UpdateExpression: 'SET inStock = :false, stockUpdatedAt = :time',
    ExpressionAttributeValues: {
      ':false': { BOOL: false },
      ':time': { S: '2025-01-15T10:00:00.000Z' },
    },
  });
}
