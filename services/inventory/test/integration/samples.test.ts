import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lambdaContext } from '@retail/testing';
import type { APIGatewayProxyEventV2, SQSEvent } from 'aws-lambda';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { createHttpHandler } from '../../src/handlers/http';
import { availableOf, seedStock } from '../support/fixtures';
import {
  startTestEnvironment,
  type TestEnvironment,
} from '../support/test-environment';

const EVENTS_DIR = path.resolve(__dirname, '../../events');

function sample<TEvent>(name: string): TEvent {
  return JSON.parse(readFileSync(path.join(EVENTS_DIR, name), 'utf8'));
}

let env: TestEnvironment;

beforeEach(async () => {
  env = await startTestEnvironment();
});

afterEach(async () => {
  await env.stop();
});

function runHttp(name: string) {
  const http = createHttpHandler(env.deps);
  return http(sample<APIGatewayProxyEventV2>(name), lambdaContext());
}

function runConsumer(name: string) {
  const consume = createConsumerHandler(env.deps);
  return consume(sample<SQSEvent>(name), lambdaContext());
}

const TESTED = [
  'put-stock.json',
  'get-stock.json',
  'consume-order-placed.json',
  'consume-order-cancelled.json',
];

describe('sample events', () => {
  it('are all covered here', () => {
    const files = readdirSync(EVENTS_DIR).filter((name) =>
      name.endsWith('.json'),
    );

    expect(files.sort()).toEqual([...TESTED].sort());
  });

  it('put-stock.json sets two levels', async () => {
    const response = await runHttp('put-stock.json');

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '')).toEqual({ updated: 2, failed: [] });
    expect(await availableOf(env.deps, 'SKU-1001')).toBe(25);
    expect(await availableOf(env.deps, 'SKU-1002')).toBe(4);
  });

  it('get-stock.json reads one level', async () => {
    await seedStock(env.deps, { 'SKU-1001': 25 });

    const response = await runHttp('get-stock.json');

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '')).toMatchObject({
      sku: 'SKU-1001',
      available: 25,
    });
  });

  it('consume-order-placed.json reserves the order', async () => {
    await seedStock(env.deps, { 'SKU-1001': 25, 'SKU-1002': 4 });

    const response = await runConsumer('consume-order-placed.json');

    expect(response).toEqual({ batchItemFailures: [] });
    expect(await availableOf(env.deps, 'SKU-1001')).toBe(22);
    expect(await availableOf(env.deps, 'SKU-1002')).toBe(3);
    expect(env.publisher.idsOfType('StockReserved')).toEqual([
      'StockReserved:O-SAMPLE-1',
    ]);
  });

  it('consume-order-cancelled.json releases the order', async () => {
    await seedStock(env.deps, { 'SKU-1001': 25, 'SKU-1002': 4 });
    await runConsumer('consume-order-placed.json');

    const response = await runConsumer('consume-order-cancelled.json');

    expect(response).toEqual({ batchItemFailures: [] });
    expect(await availableOf(env.deps, 'SKU-1001')).toBe(25);
    expect(await availableOf(env.deps, 'SKU-1002')).toBe(4);
    expect((await env.deps.reservations.get('O-SAMPLE-1'))?.status).toBe(
      'RELEASED',
    );
  });
});
