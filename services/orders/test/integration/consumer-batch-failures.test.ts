import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { sqsEvent } from '@retail/testing';
import type { OrderView } from '../../src/domain/order-view';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { createHttpHandler } from '../../src/handlers/http';
import { rejectUpdatesOf } from '../support/dynamo-faults';
import { stockReservedRecord } from '../support/events';
import { invokeConsumer, invokeHttp } from '../support/invoke';
import { placeTestOrder } from '../support/orders';
import { getOrderEvent } from '../support/requests';
import { startTestbed, type Testbed } from '../support/testbed';

let testbed: Testbed;
let http: ReturnType<typeof createHttpHandler>;
let consumer: ReturnType<typeof createConsumerHandler>;
let removeFault: (() => void) | undefined;

beforeAll(async () => {
  testbed = await startTestbed();
  http = createHttpHandler(testbed.deps);
  consumer = createConsumerHandler(testbed.deps);
});

afterAll(async () => {
  await testbed.stop();
});

afterEach(() => {
  removeFault?.();
  removeFault = undefined;
});

async function statusOf(orderId: string) {
  const response = await invokeHttp<OrderView>(http, getOrderEvent(orderId));
  return response.body.status;
}

describe('consumer batch failures', () => {
  describe('update rejected one tick later', () => {
    it('fails exactly that record', async () => {
      const orders = await Promise.all(
        ['key-1', 'key-2', 'key-3'].map((key) =>
          placeTestOrder(testbed, http, { key }),
        ),
      );
      const [first, second, third] = orders.map((order) => order.orderId);
      testbed.publisher.clear();
      removeFault = rejectUpdatesOf(
        testbed.dynamoClient,
        'orderId',
        second ?? '',
        () =>
          new ProvisionedThroughputExceededException({
            message: 'Rate of requests exceeds the allowed throughput',
            $metadata: {},
          }),
      );
      const records = [first, second, third].map((orderId) =>
        stockReservedRecord(orderId ?? ''),
      );
      const rejections: unknown[] = [];
      const onRejection = (reason: unknown) => rejections.push(reason);
      process.on('unhandledRejection', onRejection);

      const result = await invokeConsumer(consumer, sqsEvent(records));
      await new Promise((resolve) => setTimeout(resolve, 20));
      process.off('unhandledRejection', onRejection);

      expect(result).toEqual({
        batchItemFailures: [{ itemIdentifier: records[1]?.messageId }],
      });
      expect(await statusOf(first ?? '')).toBe('CONFIRMED');
      expect(await statusOf(second ?? '')).toBe('PENDING');
      expect(await statusOf(third ?? '')).toBe('CONFIRMED');
      expect(
        testbed.publisher.ofType('OrderConfirmed').map((event) => event.id),
      ).toEqual([`OrderConfirmed:${first}`, `OrderConfirmed:${third}`]);
      expect(rejections).toEqual([]);
    });
  });
});
