import { readdirSync } from 'node:fs';
import path from 'node:path';
import type {
  APIGatewayProxyEventV2,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import type { OrderView } from '../../src/domain/order-view';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { createHttpHandler } from '../../src/handlers/http';
import { invokeConsumer, invokeHttp, readSample } from '../support/invoke';
import { startTestbed, type Testbed } from '../support/testbed';

/** The order that place-order.json creates: its id derives from its key. */
const SAMPLE_ORDER_ID = 'ord_24e4df6c516aca821dc15b930d';

let testbed: Testbed;
let http: ReturnType<typeof createHttpHandler>;
let consumer: ReturnType<typeof createConsumerHandler>;

beforeAll(async () => {
  testbed = await startTestbed();
  http = createHttpHandler(testbed.deps);
  consumer = createConsumerHandler(testbed.deps);
});

afterAll(async () => {
  await testbed.stop();
});

beforeEach(async () => {
  await testbed.reset();
});

function runHttp<TBody = OrderView>(name: string) {
  return invokeHttp<TBody>(http, readSample<APIGatewayProxyEventV2>(name));
}

function runConsumer(name: string): Promise<SQSBatchResponse> {
  return invokeConsumer(consumer, readSample<SQSEvent>(name));
}

async function placeSampleOrder() {
  await runConsumer('consume-product-upserted.json');
  await testbed.seedPrices([{ sku: 'SKU-0002', amount: 1200 }]);
  const response = await runHttp('place-order.json');
  testbed.publisher.clear();
  return response;
}

async function sampleOrder() {
  const response = await runHttp('get-order.json');
  return response.body;
}

const samples: Record<string, () => Promise<void>> = {
  'place-order.json': async () => {
    const response = await placeSampleOrder();

    expect(response.statusCode).toBe(201);
    expect(response.body.orderId).toBe(SAMPLE_ORDER_ID);
    expect(response.body.total).toEqual({ amount: 2100, currency: 'GBP' });
  },
  'get-order.json': async () => {
    await placeSampleOrder();

    const response = await runHttp('get-order.json');

    expect(response.statusCode).toBe(200);
    expect(response.body.orderId).toBe(SAMPLE_ORDER_ID);
  },
  'list-customer-orders.json': async () => {
    await placeSampleOrder();

    const response = await runHttp<{ items: OrderView[] }>(
      'list-customer-orders.json',
    );

    expect(response.statusCode).toBe(200);
    expect(response.body.items.map((item) => item.orderId)).toEqual([
      SAMPLE_ORDER_ID,
    ]);
  },
  'cancel-order.json': async () => {
    await placeSampleOrder();

    const response = await runHttp('cancel-order.json');

    expect(response.statusCode).toBe(200);
    expect(response.body.cancellation).toEqual({
      reason: 'ordered by mistake',
    });
    expect(testbed.publisher.ofType('OrderCancelled')).toHaveLength(1);
  },
  'consume-product-upserted.json': async () => {
    const result = await runConsumer('consume-product-upserted.json');
    await testbed.seedPrices([{ sku: 'SKU-0002', amount: 1200 }]);

    const placed = await runHttp('place-order.json');

    expect(result.batchItemFailures).toEqual([]);
    expect(placed.body.lines[0]).toMatchObject({
      name: 'Assam tea, 250 g',
      unitPrice: { amount: 450, currency: 'GBP' },
    });
  },
  'consume-product-deleted.json': async () => {
    await runConsumer('consume-product-upserted.json');
    await testbed.seedPrices([{ sku: 'SKU-0002', amount: 1200 }]);

    const result = await runConsumer('consume-product-deleted.json');
    const placed = await runHttp<{ message: string }>('place-order.json');

    expect(result.batchItemFailures).toEqual([]);
    expect(placed.statusCode).toBe(422);
    expect(placed.body.message).toMatch(/SKU-0001/);
  },
  'consume-stock-reserved.json': async () => {
    await placeSampleOrder();

    const result = await runConsumer('consume-stock-reserved.json');

    expect(result.batchItemFailures).toEqual([]);
    expect((await sampleOrder()).status).toBe('CONFIRMED');
    expect(testbed.publisher.ofType('OrderConfirmed')).toHaveLength(1);
  },
  'consume-stock-rejected.json': async () => {
    await placeSampleOrder();

    const result = await runConsumer('consume-stock-rejected.json');

    const order = await sampleOrder();
    expect(result.batchItemFailures).toEqual([]);
    expect(order.status).toBe('REJECTED');
    expect(order.rejection).toEqual({
      reason: 'OUT_OF_STOCK',
      sku: 'SKU-0002',
    });
    expect(testbed.publisher.ofType('OrderRejected')).toHaveLength(1);
  },
};

describe('events samples', () => {
  it('has a test for every file', () => {
    const files = readdirSync(path.resolve(__dirname, '../../events'));

    expect(files.sort()).toEqual(Object.keys(samples).sort());
  });

  it.each(Object.keys(samples))('%s runs through its handler', async (name) => {
    await samples[name]?.();
  });
});
