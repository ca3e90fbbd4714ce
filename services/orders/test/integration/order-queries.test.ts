import type { OrderView } from '../../src/domain/order-view';
import { createHttpHandler } from '../../src/handlers/http';
import { invokeHttp } from '../support/invoke';
import { placeTestOrder } from '../support/orders';
import {
  cancelOrderEvent,
  getOrderEvent,
  listOrdersEvent,
} from '../support/requests';
import { startTestbed, type Testbed } from '../support/testbed';

interface OrderList {
  items: Array<Omit<OrderView, 'lines'>>;
  nextCursor?: string;
}

let testbed: Testbed;
let http: ReturnType<typeof createHttpHandler>;

beforeAll(async () => {
  testbed = await startTestbed();
  http = createHttpHandler(testbed.deps);
});

afterAll(async () => {
  await testbed.stop();
});

beforeEach(async () => {
  await testbed.reset();
  testbed.deps.now = () => new Date();
});

function list(customerId: string, query?: Record<string, string>) {
  return invokeHttp<OrderList>(http, listOrdersEvent(customerId, query));
}

/** Places orders one minute apart, oldest first, and returns their ids. */
async function placeOrders(customerId: string, count: number) {
  const orderIds: string[] = [];
  for (let i = 0; i < count; i += 1) {
    testbed.deps.now = () => new Date(Date.UTC(2026, 0, 1, 12, i));
    const order = await placeTestOrder(testbed, http, {
      customerId,
      key: `key-${i}`,
    });
    orderIds.push(order.orderId);
  }
  return orderIds;
}

describe('GET /orders/{orderId}', () => {
  it('returns the stored order', async () => {
    const placed = await placeTestOrder(testbed, http);

    const response = await invokeHttp<OrderView>(
      http,
      getOrderEvent(placed.orderId),
    );

    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({
      ...placed,
      lineCount: 1,
      updatedAt: placed.createdAt,
    });
  });

  it('returns 404 for an unknown order', async () => {
    const response = await invokeHttp(http, getOrderEvent('ord_missing'));

    expect(response.statusCode).toBe(404);
    expect(response.body).toMatchObject({
      message: 'order ord_missing not found: check the orderId',
    });
  });
});

// DynamoDB rejects a key over its size limit with a server error, which
// would count against a release, so long ids never reach it.
describe('ids in the path', () => {
  const longId = 'x'.repeat(65);

  it.each([
    ['GET /orders/{orderId}', getOrderEvent(longId), 'orderId'],
    ['POST /orders/{orderId}/cancel', cancelOrderEvent(longId), 'orderId'],
    [
      'GET /customers/{customerId}/orders',
      listOrdersEvent(longId),
      'customerId',
    ],
  ])('%s rejects 65 characters with 422', async (_route, event, field) => {
    const response = await invokeHttp(http, event);

    expect(response.statusCode).toBe(422);
    expect(response.body).toMatchObject({
      message: `invalid ${field} in the path: expected 1 to 64 characters, got 65`,
      field,
    });
  });
});

describe('GET /customers/{customerId}/orders', () => {
  describe('listing', () => {
    it('returns orders newest first', async () => {
      const orderIds = await placeOrders('cust-1', 3);

      const response = await list('cust-1');

      expect(response.statusCode).toBe(200);
      expect(response.body.items.map((item) => item.orderId)).toEqual(
        [...orderIds].reverse(),
      );
    });

    it('returns only that customer’s orders', async () => {
      await placeOrders('cust-1', 1);
      const [other] = await placeOrders('cust-2', 1);

      const response = await list('cust-2');

      expect(response.body.items.map((item) => item.orderId)).toEqual([other]);
    });

    it('leaves the lines out of items', async () => {
      await placeOrders('cust-1', 1);

      const response = await list('cust-1');

      expect(response.body.items[0]).not.toHaveProperty('lines');
      expect(response.body.items[0]).toMatchObject({
        status: 'PENDING',
        lineCount: 1,
        total: { amount: 500, currency: 'GBP' },
      });
    });

    it('returns an empty list for no orders', async () => {
      const response = await list('cust-none');

      expect(response.statusCode).toBe(200);
      expect(response.body).toEqual({ items: [] });
    });
  });

  describe('paging', () => {
    it('pages through with the cursor', async () => {
      const orderIds = await placeOrders('cust-1', 3);

      const first = await list('cust-1', { limit: '2' });
      const second = await list('cust-1', {
        limit: '2',
        cursor: first.body.nextCursor ?? '',
      });

      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      expect(second.body.items.map((item) => item.orderId)).toEqual([
        orderIds[0],
      ]);
    });

    it.each([['0'], ['101'], ['two'], ['1.5']])(
      'rejects limit %s with 422',
      async (limit) => {
        const response = await list('cust-1', { limit });

        expect(response.statusCode).toBe(422);
        expect(response.body).toMatchObject({
          message: expect.stringContaining(`invalid limit "${limit}"`),
        });
      },
    );

    it('rejects a mangled cursor with 422', async () => {
      const response = await list('cust-1', { cursor: 'not-a-cursor' });

      expect(response.statusCode).toBe(422);
      expect(response.body).toMatchObject({
        message: expect.stringContaining('invalid cursor'),
      });
    });

    it('rejects another customer’s cursor', async () => {
      await placeOrders('cust-1', 2);
      const page = await list('cust-1', { limit: '1' });

      const response = await list('cust-2', {
        cursor: page.body.nextCursor ?? '',
      });

      expect(response.statusCode).toBe(422);
    });
  });
});
