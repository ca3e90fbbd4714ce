import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { sqsEvent, sqsRecord } from '@retail/testing';
import type { OrderView } from '../../src/domain/order-view';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { createHttpHandler } from '../../src/handlers/http';
import {
  productDeletedRecord,
  productUpsertedRecord,
  stockRejectedRecord,
  stockReservedRecord,
} from '../support/events';
import { invokeConsumer, invokeHttp } from '../support/invoke';
import { placeTestOrder } from '../support/orders';
import {
  cancelOrderEvent,
  getOrderEvent,
  orderBody,
  placeOrderEvent,
} from '../support/requests';
import { startTestbed, type Testbed } from '../support/testbed';

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

async function orderStatus(orderId: string) {
  const response = await invokeHttp<OrderView>(http, getOrderEvent(orderId));
  return response.body;
}

async function placed(key = 'key-1') {
  const order = await placeTestOrder(testbed, http, { key });
  testbed.publisher.clear();
  return order.orderId;
}

async function storedPrice(sku: string) {
  const { Items = [] } = await testbed.documentClient.send(
    new ScanCommand({ TableName: testbed.tables.prices }),
  );
  return Items.find((stored) => stored.sku === sku);
}

describe('consumer', () => {
  describe('StockReserved', () => {
    it('confirms a pending order', async () => {
      const orderId = await placed();

      const result = await invokeConsumer(
        consumer,
        sqsEvent([stockReservedRecord(orderId)]),
      );

      expect(result.batchItemFailures).toEqual([]);
      expect((await orderStatus(orderId)).status).toBe('CONFIRMED');
    });

    it('publishes OrderConfirmed', async () => {
      const orderId = await placed();

      await invokeConsumer(consumer, sqsEvent([stockReservedRecord(orderId)]));

      expect(testbed.publisher.events).toEqual([
        expect.objectContaining({
          id: `OrderConfirmed:${orderId}`,
          type: 'OrderConfirmed',
          payload: {
            orderId,
            customerId: 'cust-1',
            total: { amount: 500, currency: 'GBP' },
            lineCount: 1,
          },
        }),
      ]);
    });

    it('publishes again on redelivery', async () => {
      const orderId = await placed();
      await invokeConsumer(consumer, sqsEvent([stockReservedRecord(orderId)]));
      const [first] = testbed.publisher.events;

      const result = await invokeConsumer(
        consumer,
        sqsEvent([stockReservedRecord(orderId, 2)]),
      );

      expect(result.batchItemFailures).toEqual([]);
      expect(testbed.publisher.events).toHaveLength(2);
      expect(testbed.publisher.events[1]).toEqual(first);
    });

    it('leaves a cancelled order unchanged', async () => {
      const orderId = await placed();
      await invokeHttp(http, cancelOrderEvent(orderId));
      testbed.publisher.clear();

      const result = await invokeConsumer(
        consumer,
        sqsEvent([stockReservedRecord(orderId)]),
      );

      expect(result.batchItemFailures).toEqual([]);
      expect((await orderStatus(orderId)).status).toBe('CANCELLED');
      expect(testbed.publisher.events).toHaveLength(0);
    });

    it('fails the record for an unknown order', async () => {
      const record = stockReservedRecord('ord_unknown');

      const result = await invokeConsumer(consumer, sqsEvent([record]));

      expect(result.batchItemFailures).toEqual([
        { itemIdentifier: record.messageId },
      ]);
    });

    it('fails the record for a rejected order', async () => {
      const orderId = await placed();
      await invokeConsumer(consumer, sqsEvent([stockRejectedRecord(orderId)]));
      testbed.publisher.clear();
      const record = stockReservedRecord(orderId);

      const result = await invokeConsumer(consumer, sqsEvent([record]));

      expect(result.batchItemFailures).toEqual([
        { itemIdentifier: record.messageId },
      ]);
      expect((await orderStatus(orderId)).status).toBe('REJECTED');
      expect(testbed.publisher.events).toHaveLength(0);
    });
  });

  describe('StockRejected', () => {
    it('rejects a pending order', async () => {
      const orderId = await placed();

      const result = await invokeConsumer(
        consumer,
        sqsEvent([stockRejectedRecord(orderId, 'SKU-1')]),
      );

      const order = await orderStatus(orderId);
      expect(result.batchItemFailures).toEqual([]);
      expect(order.status).toBe('REJECTED');
      expect(order.rejection).toEqual({ reason: 'OUT_OF_STOCK', sku: 'SKU-1' });
    });

    it('publishes OrderRejected', async () => {
      const orderId = await placed();

      await invokeConsumer(consumer, sqsEvent([stockRejectedRecord(orderId)]));

      expect(testbed.publisher.events).toEqual([
        expect.objectContaining({
          id: `OrderRejected:${orderId}`,
          type: 'OrderRejected',
          payload: {
            orderId,
            customerId: 'cust-1',
            reason: 'OUT_OF_STOCK',
            sku: 'SKU-1',
          },
        }),
      ]);
    });

    it('publishes again on redelivery', async () => {
      const orderId = await placed();
      await invokeConsumer(consumer, sqsEvent([stockRejectedRecord(orderId)]));

      const result = await invokeConsumer(
        consumer,
        sqsEvent([stockRejectedRecord(orderId, 'SKU-1', 2)]),
      );

      expect(result.batchItemFailures).toEqual([]);
      expect(testbed.publisher.events).toHaveLength(2);
      expect(testbed.publisher.events[1]).toEqual(testbed.publisher.events[0]);
    });

    it('leaves a cancelled order unchanged', async () => {
      const orderId = await placed();
      await invokeHttp(http, cancelOrderEvent(orderId));
      testbed.publisher.clear();

      const result = await invokeConsumer(
        consumer,
        sqsEvent([stockRejectedRecord(orderId)]),
      );

      const order = await orderStatus(orderId);
      expect(result.batchItemFailures).toEqual([]);
      expect(order.status).toBe('CANCELLED');
      expect(order).not.toHaveProperty('rejection');
      expect(testbed.publisher.events).toHaveLength(0);
    });

    it('fails the record for an unknown order', async () => {
      const record = stockRejectedRecord('ord_unknown');

      const result = await invokeConsumer(consumer, sqsEvent([record]));

      expect(result.batchItemFailures).toEqual([
        { itemIdentifier: record.messageId },
      ]);
    });

    it('fails the record for a confirmed order', async () => {
      const orderId = await placed();
      await invokeConsumer(consumer, sqsEvent([stockReservedRecord(orderId)]));
      const record = stockRejectedRecord(orderId);

      const result = await invokeConsumer(consumer, sqsEvent([record]));

      expect(result.batchItemFailures).toEqual([
        { itemIdentifier: record.messageId },
      ]);
      expect((await orderStatus(orderId)).status).toBe('CONFIRMED');
    });
  });

  describe('ProductUpserted', () => {
    it('stores the price', async () => {
      await invokeConsumer(
        consumer,
        sqsEvent([productUpsertedRecord('SKU-9', 1, 799)]),
      );

      expect(await storedPrice('SKU-9')).toEqual({
        sku: 'SKU-9',
        name: 'Product SKU-9 r1',
        price: { amount: 799, currency: 'GBP' },
        active: true,
        revision: 1,
      });
    });

    it('replaces an older revision', async () => {
      await invokeConsumer(
        consumer,
        sqsEvent([productUpsertedRecord('SKU-9', 1, 799)]),
      );

      await invokeConsumer(
        consumer,
        sqsEvent([productUpsertedRecord('SKU-9', 2, 899)]),
      );

      expect(await storedPrice('SKU-9')).toMatchObject({
        revision: 2,
        price: { amount: 899, currency: 'GBP' },
      });
    });

    it('drops a stale revision as a success', async () => {
      await invokeConsumer(
        consumer,
        sqsEvent([productUpsertedRecord('SKU-9', 3, 999)]),
      );

      const result = await invokeConsumer(
        consumer,
        sqsEvent([productUpsertedRecord('SKU-9', 2, 111)]),
      );

      expect(result.batchItemFailures).toEqual([]);
      expect(await storedPrice('SKU-9')).toMatchObject({
        revision: 3,
        price: { amount: 999, currency: 'GBP' },
      });
    });

    it('applies a redelivered revision again', async () => {
      const record = productUpsertedRecord('SKU-9', 1, 799);
      await invokeConsumer(consumer, sqsEvent([record]));

      const result = await invokeConsumer(consumer, sqsEvent([record]));

      expect(result.batchItemFailures).toEqual([]);
      expect(await storedPrice('SKU-9')).toMatchObject({ revision: 1 });
    });

    it('prices new orders', async () => {
      await invokeConsumer(
        consumer,
        sqsEvent([productUpsertedRecord('SKU-9', 1, 799)]),
      );

      const response = await invokeHttp<OrderView>(
        http,
        placeOrderEvent(orderBody('cust-1', [{ sku: 'SKU-9', quantity: 3 }]), {
          'idempotency-key': 'key-9',
        }),
      );

      expect(response.statusCode).toBe(201);
      expect(response.body.total).toEqual({ amount: 2397, currency: 'GBP' });
    });
  });

  describe('ProductDeleted', () => {
    it('marks the price inactive', async () => {
      await invokeConsumer(
        consumer,
        sqsEvent([productUpsertedRecord('SKU-9', 1, 799)]),
      );

      await invokeConsumer(
        consumer,
        sqsEvent([productDeletedRecord('SKU-9', 2)]),
      );

      expect(await storedPrice('SKU-9')).toMatchObject({
        active: false,
        revision: 2,
      });
    });

    it('makes new orders of it fail', async () => {
      await invokeConsumer(
        consumer,
        sqsEvent([
          productUpsertedRecord('SKU-9', 1, 799),
          productDeletedRecord('SKU-8', 1),
        ]),
      );
      await invokeConsumer(
        consumer,
        sqsEvent([productDeletedRecord('SKU-9', 2)]),
      );

      const response = await invokeHttp(
        http,
        placeOrderEvent(orderBody('cust-1', [{ sku: 'SKU-9', quantity: 1 }]), {
          'idempotency-key': 'key-9',
        }),
      );

      expect(response.statusCode).toBe(422);
      expect(response.body).toMatchObject({
        message: expect.stringContaining('SKU-9'),
      });
    });

    it('drops a stale deletion as a success', async () => {
      await invokeConsumer(
        consumer,
        sqsEvent([productUpsertedRecord('SKU-9', 5, 799)]),
      );

      const result = await invokeConsumer(
        consumer,
        sqsEvent([productDeletedRecord('SKU-9', 4)]),
      );

      expect(result.batchItemFailures).toEqual([]);
      expect(await storedPrice('SKU-9')).toMatchObject({
        active: true,
        revision: 5,
      });
    });

    it('drops an older upsert after the deletion', async () => {
      await invokeConsumer(
        consumer,
        sqsEvent([productDeletedRecord('SKU-9', 2)]),
      );

      await invokeConsumer(
        consumer,
        sqsEvent([productUpsertedRecord('SKU-9', 1, 799)]),
      );

      expect(await storedPrice('SKU-9')).toEqual({
        sku: 'SKU-9',
        active: false,
        revision: 2,
      });
    });
  });

  describe('poison records', () => {
    it('fails only a body that is not JSON', async () => {
      const first = await placed('key-1');
      const third = await placed('key-3');
      const poison = sqsRecord('orderId=O-12;sku=SKU-2');
      const log = jest.spyOn(testbed.deps.logger, 'error');

      const result = await invokeConsumer(
        consumer,
        sqsEvent([
          stockReservedRecord(first),
          poison,
          stockReservedRecord(third),
        ]),
      );

      expect(result.batchItemFailures).toEqual([
        { itemIdentifier: poison.messageId },
      ]);
      expect((await orderStatus(first)).status).toBe('CONFIRMED');
      expect((await orderStatus(third)).status).toBe('CONFIRMED');
      expect(testbed.publisher.ofType('OrderConfirmed')).toHaveLength(2);
      expect(log).toHaveBeenCalledWith(
        'record failed',
        expect.objectContaining({
          messageId: poison.messageId,
          reason: expect.stringContaining('not JSON'),
        }),
      );
    });

    it('fails only a body that breaks the schema', async () => {
      const first = await placed('key-1');
      const third = await placed('key-3');
      const poison = stockRejectedRecord(first);
      const detail = JSON.parse(poison.body);
      detail.detail.payload.requested = 'two';
      poison.body = JSON.stringify(detail);
      const log = jest.spyOn(testbed.deps.logger, 'error');

      const result = await invokeConsumer(
        consumer,
        sqsEvent([
          stockReservedRecord(first),
          poison,
          stockReservedRecord(third),
        ]),
      );

      expect(result.batchItemFailures).toEqual([
        { itemIdentifier: poison.messageId },
      ]);
      expect((await orderStatus(first)).status).toBe('CONFIRMED');
      expect((await orderStatus(third)).status).toBe('CONFIRMED');
      expect(testbed.publisher.ofType('OrderConfirmed')).toHaveLength(2);
      expect(log).toHaveBeenCalledWith(
        'record failed',
        expect.objectContaining({
          messageId: poison.messageId,
          reason: expect.stringContaining('requested'),
        }),
      );
    });
  });
});
