import type { OrderView } from '../../src/domain/order-view';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { createHttpHandler } from '../../src/handlers/http';
import { stockEvent } from '../support/events';
import { invokeConsumer, invokeHttp } from '../support/invoke';
import { placeTestOrder } from '../support/orders';
import { cancelOrderEvent } from '../support/requests';
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

function cancel(orderId: string, body?: unknown) {
  return invokeHttp<OrderView>(http, cancelOrderEvent(orderId, body));
}

async function settle(
  orderId: string,
  type: 'StockReserved' | 'StockRejected',
) {
  await invokeConsumer(consumer, stockEvent(type, orderId));
  testbed.publisher.clear();
}

describe('POST /orders/{orderId}/cancel', () => {
  describe('cancellable orders', () => {
    it('cancels a pending order', async () => {
      const { orderId } = await placeTestOrder(testbed, http);

      const response = await cancel(orderId, { reason: 'changed my mind' });

      expect(response.statusCode).toBe(200);
      expect(response.body.status).toBe('CANCELLED');
      expect(response.body.cancellation).toEqual({
        reason: 'changed my mind',
      });
    });

    it('cancels a confirmed order', async () => {
      const { orderId } = await placeTestOrder(testbed, http);
      await settle(orderId, 'StockReserved');

      const response = await cancel(orderId);

      expect(response.statusCode).toBe(200);
      expect(response.body.status).toBe('CANCELLED');
    });

    it('defaults the reason to customer-request', async () => {
      const { orderId } = await placeTestOrder(testbed, http);

      const response = await cancel(orderId);

      expect(response.body.cancellation).toEqual({
        reason: 'customer-request',
      });
    });

    it('publishes OrderCancelled once', async () => {
      const { orderId } = await placeTestOrder(testbed, http);
      testbed.publisher.clear();

      await cancel(orderId, { reason: 'late' });

      expect(testbed.publisher.events).toHaveLength(1);
      expect(testbed.publisher.events[0]).toMatchObject({
        id: `OrderCancelled:${orderId}`,
        type: 'OrderCancelled',
        payload: { orderId, customerId: 'cust-1', reason: 'late' },
      });
    });
  });

  describe('already cancelled orders', () => {
    it('returns the order unchanged', async () => {
      const { orderId } = await placeTestOrder(testbed, http);
      const first = await cancel(orderId, { reason: 'first' });

      const second = await cancel(orderId, { reason: 'second' });

      expect(second.statusCode).toBe(200);
      expect(second.body).toEqual(first.body);
    });

    it('publishes no second event', async () => {
      const { orderId } = await placeTestOrder(testbed, http);
      await cancel(orderId);
      testbed.publisher.clear();

      await cancel(orderId);

      expect(testbed.publisher.events).toHaveLength(0);
    });
  });

  describe('orders that cannot be cancelled', () => {
    it('rejects a rejected order with 409', async () => {
      const { orderId } = await placeTestOrder(testbed, http);
      await settle(orderId, 'StockRejected');

      const response = await cancel(orderId);

      expect(response.statusCode).toBe(409);
      expect(response.body).toMatchObject({
        message: `order ${orderId} is REJECTED: a rejected order cannot be cancelled`,
      });
      expect(testbed.publisher.events).toHaveLength(0);
    });

    it('returns 404 for an unknown order', async () => {
      const response = await cancel('ord_unknown');

      expect(response.statusCode).toBe(404);
      expect(response.body).toMatchObject({
        message: expect.stringContaining('ord_unknown'),
      });
    });
  });

  describe('request validation', () => {
    it('rejects an empty reason with 422', async () => {
      const { orderId } = await placeTestOrder(testbed, http);

      const response = await cancel(orderId, { reason: '  ' });

      expect(response.statusCode).toBe(422);
      expect(response.body).toMatchObject({
        message: expect.stringContaining('reason'),
      });
    });
  });
});
