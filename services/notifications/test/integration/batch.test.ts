import { randomUUID } from 'node:crypto';
import {
  injectUnprocessedItems,
  lambdaContext,
  sqsEvent,
  sqsRecord,
} from '@retail/testing';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { testDependencies } from '../support/dependencies';
import { orderCancelled, orderConfirmed, recordOf } from '../support/envelopes';
import {
  logEntries,
  outboxMessages,
  startDatabase,
  stopDatabase,
  type TestDatabase,
  withOwnClient,
} from '../support/tables';

let database: TestDatabase;

beforeAll(async () => {
  database = await startDatabase();
});

afterAll(async () => {
  await stopDatabase(database);
});

/** Creates three confirmed orders and a record for each. */
function threeOrders() {
  const envelopes = [orderConfirmed(), orderConfirmed(), orderConfirmed()];
  return {
    envelopes,
    records: envelopes.map((envelope) => recordOf(envelope)),
  };
}

/**
 * Returns the orderId of a BatchWriteItem put request. The recorded
 * requests hold the DocumentClient's native values, although their type
 * declares AttributeValue, so both forms are read.
 */
function orderIdOf(
  entry: { request: { PutRequest?: { Item?: object } } } | undefined,
): string | undefined {
  const item = entry?.request.PutRequest?.Item as
    | Record<string, unknown>
    | undefined;
  const value = item?.orderId;
  if (typeof value === 'string') return value;
  return (value as { S?: string } | undefined)?.S;
}

function failedIds(result: {
  batchItemFailures: { itemIdentifier: string }[];
}) {
  return result.batchItemFailures.map((failure) => failure.itemIdentifier);
}

describe('consumer', () => {
  describe('poison record in a batch', () => {
    const poisonBodies: Array<[string, (orderId: string) => string]> = [
      ['not JSON', (orderId) => `orderId=${orderId};sku=SKU-2`],
      [
        'off-schema payload',
        (orderId) =>
          JSON.stringify({
            ...orderConfirmed(orderId),
            payload: { orderId, customerId: 'C-42', lineCount: 'two' },
          }),
      ],
    ];

    it.each(poisonBodies)('fails only the %s record', async (_, bodyFor) => {
      const first = orderConfirmed();
      const third = orderCancelled();
      const poison = sqsRecord(bodyFor(randomUUID()));
      const deps = testDependencies(database);

      const result = await createConsumerHandler(deps)(
        sqsEvent([recordOf(first), poison, recordOf(third)]),
        lambdaContext(),
      );

      expect(failedIds(result)).toEqual([poison.messageId]);
      expect(
        await outboxMessages(database, first.payload.orderId),
      ).toHaveLength(1);
      expect(
        await outboxMessages(database, third.payload.orderId),
      ).toHaveLength(1);
      expect(await logEntries(database, first.payload.orderId)).toHaveLength(1);
      expect(await logEntries(database, third.payload.orderId)).toHaveLength(1);
    });

    it('logs the poison messageId and reason', async () => {
      const poison = sqsRecord('orderId=O-12;sku=SKU-2');
      const deps = testDependencies(database);
      const logError = jest.spyOn(deps.logger, 'error');

      await createConsumerHandler(deps)(
        sqsEvent([recordOf(orderConfirmed()), poison]),
        lambdaContext(),
      );

      expect(logError).toHaveBeenCalledTimes(1);
      expect(logError).toHaveBeenCalledWith(
        'record failed',
        expect.objectContaining({
          messageId: poison.messageId,
          reason: expect.stringContaining('not JSON'),
        }),
      );
    });
  });

  describe('log entries of a batch', () => {
    let own: TestDatabase;

    beforeEach(() => {
      own = withOwnClient(database);
    });

    afterEach(() => {
      own.client.destroy();
    });

    it('writes them in one BatchWriteItem', async () => {
      const calls = injectUnprocessedItems(own.client, () => []).calls;
      const { envelopes, records } = threeOrders();

      await createConsumerHandler(testDependencies(own))(
        sqsEvent(records),
        lambdaContext(),
      );

      expect(calls).toHaveLength(1);
      expect(calls[0]).toHaveLength(3);
      for (const envelope of envelopes) {
        expect(await logEntries(own, envelope.payload.orderId)).toHaveLength(1);
      }
    });

    it('retries items left unprocessed once', async () => {
      const { envelopes, records } = threeOrders();
      const heldOrderId = envelopes[1]?.payload.orderId;
      const calls = injectUnprocessedItems(own.client, (call, requests) =>
        call === 1
          ? requests.filter((entry) => orderIdOf(entry) === heldOrderId)
          : [],
      ).calls;

      const result = await createConsumerHandler(testDependencies(own))(
        sqsEvent(records),
        lambdaContext(),
      );

      expect(failedIds(result)).toEqual([]);
      expect(calls).toHaveLength(2);
      expect(calls[1]).toHaveLength(1);
      expect(orderIdOf(calls[1]?.[0])).toBe(heldOrderId);
      for (const envelope of envelopes) {
        expect(await logEntries(own, envelope.payload.orderId)).toHaveLength(1);
      }
    });

    it('fails the owner of an item never processed', async () => {
      const { envelopes, records } = threeOrders();
      const heldOrderId = envelopes[1]?.payload.orderId;
      injectUnprocessedItems(own.client, (_, requests) =>
        requests.filter((entry) => orderIdOf(entry) === heldOrderId),
      );

      const result = await createConsumerHandler(testDependencies(own))(
        sqsEvent(records),
        lambdaContext(),
      );

      expect(failedIds(result)).toEqual([records[1]?.messageId]);
      expect(await logEntries(own, heldOrderId ?? '')).toEqual([]);
      expect(
        await logEntries(own, envelopes[0]?.payload.orderId ?? ''),
      ).toHaveLength(1);
      expect(
        await logEntries(own, envelopes[2]?.payload.orderId ?? ''),
      ).toHaveLength(1);
    });

    it('writes the missing entry on redelivery', async () => {
      const envelope = orderConfirmed();
      const orderId = envelope.payload.orderId;
      const fault = injectUnprocessedItems(
        own.client,
        (_, requests) => requests,
      );
      await createConsumerHandler(testDependencies(own))(
        sqsEvent([recordOf(envelope)]),
        lambdaContext(),
      );
      fault.remove();

      const redelivered = await createConsumerHandler(testDependencies(own))(
        sqsEvent([recordOf(envelope, 2)]),
        lambdaContext(),
      );

      expect(failedIds(redelivered)).toEqual([]);
      expect(await logEntries(own, orderId)).toHaveLength(1);
      expect(await outboxMessages(own, orderId)).toHaveLength(1);
    });
  });
});
