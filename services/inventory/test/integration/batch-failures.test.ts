import {
  eventBridgeBody,
  lambdaContext,
  sqsEvent,
  sqsRecord,
} from '@retail/testing';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { aggregateLines } from '../../src/reservation/aggregate-lines';
import { startInvocation } from '../../src/reservation/invocation';
import {
  availableOf,
  type Consumer,
  deliveryOf,
  orderPlaced,
  seedStock,
} from '../support/fixtures';
import {
  startTestEnvironment,
  type TestEnvironment,
} from '../support/test-environment';

let env: TestEnvironment;
let consume: Consumer;

beforeAll(async () => {
  env = await startTestEnvironment();
  consume = createConsumerHandler(env.deps);
});

afterAll(async () => {
  await env.stop();
});

afterEach(() => {
  env.publisher.clearFaults();
});

/** Leaves the order RESERVING under a live lease of another invocation. */
async function lockElsewhere(orderId: string, sku: string): Promise<void> {
  const other = startInvocation(orderId, lambdaContext(), env.clock.now);
  await env.deps.reservations.acquire(
    orderId,
    aggregateLines([{ sku, quantity: 1 }]),
    other.lease,
  );
}

function messageIdsOf(event: ReturnType<typeof deliveryOf>): string[] {
  return event.Records.map((record) => record.messageId);
}

describe('consumer batch response', () => {
  describe('when every record fails', () => {
    it('returns every messageId', async () => {
      await seedStock(env.deps, { 'F1-A': 5 });
      await lockElsewhere('O-F1', 'F1-A');
      await lockElsewhere('O-F2', 'F1-A');
      const event = deliveryOf([
        orderPlaced('O-F1', [{ sku: 'F1-A', quantity: 1 }]),
        orderPlaced('O-F2', [{ sku: 'F1-A', quantity: 1 }]),
      ]);

      const response = await consume(event, lambdaContext());

      const [first, second] = messageIdsOf(event);
      expect(response).toEqual({
        batchItemFailures: [
          { itemIdentifier: first },
          { itemIdentifier: second },
        ],
      });
    });
  });

  describe('when a handler throws a non-Error value', () => {
    const orders = [
      orderPlaced('O-N1', [{ sku: 'N-A', quantity: 1 }]),
      orderPlaced('O-N2', [{ sku: 'N-B', quantity: 1 }]),
      orderPlaced('O-N3', [{ sku: 'N-C', quantity: 1 }]),
    ];

    it('fails only the records that threw', async () => {
      await seedStock(env.deps, { 'N-A': 5, 'N-B': 5, 'N-C': 5 });
      env.publisher.failForOrder('O-N1', undefined);
      env.publisher.failForOrder('O-N2', 'EventBridge unavailable');
      const event = deliveryOf(orders);

      const response = await consume(event, lambdaContext());

      const [first, second] = messageIdsOf(event);
      expect(response.batchItemFailures).toEqual([
        { itemIdentifier: first },
        { itemIdentifier: second },
      ]);
    });

    it('processes the other record once', async () => {
      const reserved = env.publisher
        .idsOfType('StockReserved')
        .filter((id) => id === 'StockReserved:O-N3');

      expect(reserved).toHaveLength(1);
      expect(await availableOf(env.deps, 'N-C')).toBe(4);
    });

    it('completes the failed records on redelivery', async () => {
      const failed = orders.slice(0, 2);

      const response = await consume(deliveryOf(failed, 2), lambdaContext());

      expect(response.batchItemFailures).toEqual([]);
      expect(await availableOf(env.deps, 'N-A')).toBe(4);
      expect(await availableOf(env.deps, 'N-B')).toBe(4);
      expect(env.publisher.idsOfType('StockReserved')).toEqual(
        expect.arrayContaining(['StockReserved:O-N1', 'StockReserved:O-N2']),
      );
    });
  });

  describe('when a body is invalid', () => {
    it('fails only that record', async () => {
      await seedStock(env.deps, { 'P-A': 5 });
      const valid = sqsRecord(
        eventBridgeBody(orderPlaced('O-P1', [{ sku: 'P-A', quantity: 1 }])),
      );
      const notJson = sqsRecord('orderId=O-P2;sku=P-A');
      const placed = orderPlaced('O-P3', [{ sku: 'P-A', quantity: 1 }]);
      const offSchema = {
        ...placed,
        payload: {
          ...placed.payload,
          lines: [{ sku: 'P-A', quantity: 'two' }],
        },
      };
      const invalid = sqsRecord(eventBridgeBody(offSchema));

      const response = await consume(
        sqsEvent([valid, notJson, invalid]),
        lambdaContext(),
      );

      expect(response.batchItemFailures).toEqual([
        { itemIdentifier: notJson.messageId },
        { itemIdentifier: invalid.messageId },
      ]);
      expect(await availableOf(env.deps, 'P-A')).toBe(4);
    });
  });
});
