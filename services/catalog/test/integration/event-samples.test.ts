import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lambdaContext, readPackagedTemplate } from '@retail/testing';
import type { APIGatewayProxyEventV2, SQSEvent } from 'aws-lambda';
import type { Product } from '../../src/data/product';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { createHttpHandler } from '../../src/handlers/http';
import { invokeEvent } from '../support/http';
import {
  createTestDependencies,
  SERVICE_DIR,
  startTestBed,
  type TestBed,
  type TestDependencies,
} from '../support/test-bed';

const EVENTS_DIR = path.join(SERVICE_DIR, 'events');

function sample<TEvent>(name: string): TEvent {
  const file = path.join(EVENTS_DIR, `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as TEvent;
}

function httpSample(name: string) {
  return invokeEvent(
    createHttpHandler(deps),
    sample<APIGatewayProxyEventV2>(name),
  );
}

function consumerSample(name: string) {
  return createConsumerHandler(deps)(sample<SQSEvent>(name), lambdaContext());
}

async function readSampleProduct(): Promise<Product> {
  const response = await httpSample('get-product');
  return response.body as Product;
}

let bed: TestBed;
let deps: TestDependencies;

beforeAll(async () => {
  bed = await startTestBed();
  deps = createTestDependencies(bed);
});

afterAll(async () => {
  await bed.stop();
});

// The samples build on each other, as they would when invoked by hand:
// create, read, change, list, import, stock events, then delete.
describe('events/*.json samples', () => {
  describe('coverage', () => {
    it('cover every route and event type', () => {
      const template = readPackagedTemplate(SERVICE_DIR);
      const expected = new Set<string>();
      for (const resource of Object.values(template.Resources)) {
        const properties = resource.Properties ?? {};
        if (resource.Type === 'AWS::ApiGatewayV2::Route') {
          expected.add(String(properties.RouteKey));
        }
        if (resource.Type === 'AWS::Events::Rule') {
          const pattern = properties.EventPattern as {
            'detail-type': string[];
          };
          for (const type of pattern['detail-type']) expected.add(type);
        }
      }

      const covered = new Set<string>();
      for (const file of readdirSync(EVENTS_DIR)) {
        const event = sample<Partial<APIGatewayProxyEventV2 & SQSEvent>>(
          path.basename(file, '.json'),
        );
        if (event.routeKey) covered.add(event.routeKey);
        for (const record of event.Records ?? []) {
          const body = JSON.parse(record.body) as { 'detail-type': string };
          covered.add(body['detail-type']);
        }
      }

      expect([...covered].sort()).toEqual([...expected].sort());
    });
  });

  describe('http', () => {
    it('create-product returns 201', async () => {
      const response = await httpSample('create-product');

      expect(response.statusCode).toBe(201);
      expect(response.body).toMatchObject({ sku: 'SKU-1001' });
    });

    it('get-product returns the product', async () => {
      const response = await httpSample('get-product');

      expect(response.statusCode).toBe(200);
      expect(response.body).toMatchObject({
        sku: 'SKU-1001',
        tags: ['gift', 'kitchen'],
      });
    });

    it('update-product changes price and tags', async () => {
      const response = await httpSample('update-product');

      expect(response.statusCode).toBe(200);
      expect(response.body).toMatchObject({
        price: { amount: 1100, currency: 'GBP' },
        tags: ['gift', 'kitchen', 'sale'],
      });
    });

    it('list-products returns a page', async () => {
      const response = await httpSample('list-products');

      const body = response.body as { items: Product[] };
      expect(response.statusCode).toBe(200);
      expect(body.items.map((item) => item.sku)).toContain('SKU-1001');
    });

    it('import-products imports three', async () => {
      const response = await httpSample('import-products');

      expect(response.statusCode).toBe(200);
      expect(response.body).toEqual({ imported: 3, failed: [] });
    });
  });

  describe('consumer', () => {
    it('consume-stock-depleted marks it out of stock', async () => {
      const result = await consumerSample('consume-stock-depleted');

      expect(result).toEqual({ batchItemFailures: [] });
      expect((await readSampleProduct()).inStock).toBe(false);
    });

    it('consume-stock-replenished marks it in stock', async () => {
      const result = await consumerSample('consume-stock-replenished');

      expect(result).toEqual({ batchItemFailures: [] });
      expect((await readSampleProduct()).inStock).toBe(true);
    });
  });

  describe('cleanup', () => {
    it('delete-product returns 204', async () => {
      const response = await httpSample('delete-product');

      expect(response.statusCode).toBe(204);
      expect((await httpSample('get-product')).statusCode).toBe(404);
    });
  });
});
