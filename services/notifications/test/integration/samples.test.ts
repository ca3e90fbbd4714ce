import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lambdaContext } from '@retail/testing';
import type { APIGatewayProxyEventV2, SQSEvent } from 'aws-lambda';
import type { Dependencies } from '../../src/dependencies';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { createHttpHandler } from '../../src/handlers/http';
import { testDependencies } from '../support/dependencies';
import {
  deliveryOf,
  logEntries,
  outboxMessages,
  startDatabase,
  stopDatabase,
  type TestDatabase,
} from '../support/tables';

const EVENTS_DIR = path.join(__dirname, '../../events');

function readSample<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(EVENTS_DIR, file), 'utf8')) as T;
}

const CONSUMED_SAMPLES = [
  {
    file: 'consume-order-confirmed.json',
    eventId: 'OrderConfirmed:O-1001',
    orderId: 'O-1001',
    subject: 'Your order O-1001 is confirmed',
  },
  {
    file: 'consume-order-cancelled.json',
    eventId: 'OrderCancelled:O-1001',
    orderId: 'O-1001',
    subject: 'Your order O-1001 is cancelled',
  },
  {
    file: 'consume-order-rejected.json',
    eventId: 'OrderRejected:O-1002',
    orderId: 'O-1002',
    subject: 'We could not accept your order O-1002',
  },
];

const HTTP_SAMPLES = ['get-notifications.json'];

let database: TestDatabase;
// One set of dependencies, so one clock orders every sample's messages.
let deps: Dependencies;

beforeAll(async () => {
  database = await startDatabase();
  deps = testDependencies(database);
});

afterAll(async () => {
  await stopDatabase(database);
});

describe('event samples', () => {
  it('have a test for every file', () => {
    const tested = [...CONSUMED_SAMPLES.map((s) => s.file), ...HTTP_SAMPLES];

    const files = readdirSync(EVENTS_DIR);

    expect(files.sort()).toEqual(tested.sort());
  });

  describe('consumer', () => {
    it.each(CONSUMED_SAMPLES)('delivers $file', async (sample) => {
      const event = readSample<SQSEvent>(sample.file);

      const result = await createConsumerHandler(deps)(event, lambdaContext());

      expect(result.batchItemFailures).toEqual([]);
      expect((await deliveryOf(database, sample.eventId))?.status).toBe('SENT');
      const messages = await outboxMessages(database, sample.orderId);
      expect(messages.map((message) => message.subject)).toContain(
        sample.subject,
      );
    });
  });

  describe('http', () => {
    it('returns the log of get-notifications.json', async () => {
      const consume = createConsumerHandler(deps);
      for (const file of [
        'consume-order-confirmed.json',
        'consume-order-cancelled.json',
      ]) {
        await consume(readSample<SQSEvent>(file), lambdaContext());
      }
      const event = readSample<APIGatewayProxyEventV2>(
        'get-notifications.json',
      );

      const response = await createHttpHandler(deps)(event, lambdaContext());

      expect(response.statusCode).toBe(200);
      const body = JSON.parse(response.body ?? '{}');
      expect(body.orderId).toBe('O-1001');
      expect(body.items).toHaveLength(
        (await logEntries(database, 'O-1001')).length,
      );
      expect(
        body.items.map((item: { eventId: string }) => item.eventId),
      ).toEqual(['OrderConfirmed:O-1001', 'OrderCancelled:O-1001']);
    });
  });
});
