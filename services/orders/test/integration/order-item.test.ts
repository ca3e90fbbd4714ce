import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createOrderStore } from '../../src/data/orders';
import type { Order } from '../../src/domain/order';
import { startTestbed, type Testbed } from '../support/testbed';

/** Money held in a class instance, as a pricing library might return it. */
class Price {
  constructor(
    readonly amount: number,
    readonly currency: 'GBP',
  ) {}

  get display(): string {
    return `£${(this.amount / 100).toFixed(2)}`;
  }
}

let testbed: Testbed;

beforeAll(async () => {
  testbed = await startTestbed();
});

afterAll(async () => {
  await testbed.stop();
});

const createdAt = new Date('2026-03-01T10:15:30.123Z');
const expiresAt = new Date('2026-09-01T00:00:00.000Z');

function orderWithRichValues(orderId: string): Order {
  return {
    orderId,
    customerId: 'cust-1',
    status: 'PENDING',
    lines: [
      {
        lineNo: 1,
        sku: 'SKU-1',
        name: 'Tea',
        quantity: 3,
        unitPrice: new Price(250, 'GBP'),
        lineTotal: new Price(750, 'GBP'),
      },
    ],
    total: new Price(750, 'GBP'),
    lineCount: 1,
    createdAt,
    updatedAt: createdAt,
    expiresAt,
    requestHash: 'a'.repeat(64),
  };
}

async function rawItem(orderId: string) {
  const { Item } = await testbed.documentClient.send(
    new GetCommand({ TableName: testbed.tables.orders, Key: { orderId } }),
  );
  return Item ?? {};
}

function emptyMaps(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((entry, i) => emptyMaps(entry, `${path}[${i}]`));
  }
  if (typeof value !== 'object' || value === null) return [];
  const entries = Object.entries(value);
  if (entries.length === 0) return [path || '(root)'];
  return entries.flatMap(([key, entry]) => emptyMaps(entry, `${path}.${key}`));
}

describe('order item mapping', () => {
  describe('dates and class instances', () => {
    it('stores times as ISO-8601 strings', async () => {
      await createOrderStore(testbed.deps).insert(
        orderWithRichValues('ord_t1'),
      );

      const stored = await rawItem('ord_t1');

      expect(stored.createdAt).toBe('2026-03-01T10:15:30.123Z');
      expect(stored.updatedAt).toBe('2026-03-01T10:15:30.123Z');
    });

    it('stores the expiry as epoch seconds', async () => {
      await createOrderStore(testbed.deps).insert(
        orderWithRichValues('ord_t2'),
      );

      const stored = await rawItem('ord_t2');

      expect(stored.ttl).toBe(1788220800);
    });

    it('stores money as integer minor units', async () => {
      await createOrderStore(testbed.deps).insert(
        orderWithRichValues('ord_t3'),
      );

      const stored = await rawItem('ord_t3');

      expect(stored.total).toEqual({ amount: 750, currency: 'GBP' });
      expect(stored.lines[0].unitPrice).toEqual({
        amount: 250,
        currency: 'GBP',
      });
    });

    it('stores no empty map', async () => {
      await createOrderStore(testbed.deps).insert(
        orderWithRichValues('ord_t4'),
      );

      const stored = await rawItem('ord_t4');

      expect(emptyMaps(stored)).toEqual([]);
      expect(stored).not.toHaveProperty('rejection');
      expect(stored).not.toHaveProperty('cancellation');
    });

    it('reads back equal values', async () => {
      const order = orderWithRichValues('ord_t5');
      await createOrderStore(testbed.deps).insert(order);

      const read = await createOrderStore(testbed.deps).get('ord_t5');

      expect(read.createdAt.getTime()).toBe(createdAt.getTime());
      expect(read.expiresAt?.getTime()).toBe(expiresAt.getTime());
      expect(read.total).toEqual({ amount: 750, currency: 'GBP' });
      expect(read.lines[0]?.lineTotal).toEqual({
        amount: 750,
        currency: 'GBP',
      });
    });
  });

  describe('invalid values', () => {
    it('rejects a fractional amount before writing', async () => {
      const order = {
        ...orderWithRichValues('ord_t6'),
        total: new Price(7.5, 'GBP'),
      };

      const insert = createOrderStore(testbed.deps).insert(order);

      await expect(insert).rejects.toThrow(/invalid money/);
      expect(await rawItem('ord_t6')).toEqual({});
    });

    it('rejects an invalid date before writing', async () => {
      const order = {
        ...orderWithRichValues('ord_t7'),
        createdAt: new Date('not a date'),
      };

      const insert = createOrderStore(testbed.deps).insert(order);

      await expect(insert).rejects.toThrow(RangeError);
      expect(await rawItem('ord_t7')).toEqual({});
    });
  });
});
