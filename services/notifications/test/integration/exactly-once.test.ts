import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { lambdaContext, sqsEvent } from '@retail/testing';
import { createConsumerHandler } from '../../src/handlers/consumer';
import type { NotificationProvider } from '../../src/providers/notification-provider';
import { testDependencies } from '../support/dependencies';
import { orderConfirmed, recordOf } from '../support/envelopes';
import {
  deliveryOf,
  logEntries,
  outboxMessages,
  startDatabase,
  stopDatabase,
  type TestDatabase,
} from '../support/tables';

const T0 = Date.parse('2025-12-04T08:00:00.000Z');

let database: TestDatabase;

beforeAll(async () => {
  database = await startDatabase();
});

afterAll(async () => {
  await stopDatabase(database);
});

/** Wraps a provider to send, then fail as if the invocation timed out. */
function sendThenFail(provider: NotificationProvider): NotificationProvider {
  return {
    name: provider.name,
    async send(message) {
      await provider.send(message);
      throw new Error('invocation timed out after the send');
    },
  };
}

/** Wraps a provider to record the eventId of every message it sends. */
function countingSends(provider: NotificationProvider) {
  const sent: string[] = [];
  const counting: NotificationProvider = {
    name: provider.name,
    send(message) {
      sent.push(message.messageId);
      return provider.send(message);
    },
  };
  return { sent, provider: counting };
}

describe('consumer', () => {
  describe('event delivered twice', () => {
    it('sends once when sequential', async () => {
      const envelope = orderConfirmed();
      const deps = testDependencies(database);
      const sends = countingSends(deps.provider);
      const consume = createConsumerHandler({
        ...deps,
        provider: sends.provider,
      });

      const first = await consume(
        sqsEvent([recordOf(envelope)]),
        lambdaContext(),
      );
      const second = await consume(
        sqsEvent([recordOf(envelope, 2)]),
        lambdaContext(),
      );

      expect(first.batchItemFailures).toEqual([]);
      expect(second.batchItemFailures).toEqual([]);
      expect(sends.sent).toEqual([envelope.id]);
      const orderId = envelope.payload.orderId;
      expect(await outboxMessages(database, orderId)).toHaveLength(1);
      expect(await logEntries(database, orderId)).toHaveLength(1);
    });

    it('sends once when concurrent', async () => {
      const envelope = orderConfirmed();
      const deps = testDependencies(database);
      const sends = countingSends(deps.provider);
      const consume = createConsumerHandler({
        ...deps,
        provider: sends.provider,
      });

      const results = await Promise.all([
        consume(sqsEvent([recordOf(envelope)]), lambdaContext()),
        consume(sqsEvent([recordOf(envelope)]), lambdaContext()),
      ]);

      const failures = results.flatMap((result) => result.batchItemFailures);
      expect(failures.length).toBeLessThanOrEqual(1);
      expect(sends.sent).toEqual([envelope.id]);
      const orderId = envelope.payload.orderId;
      expect(await outboxMessages(database, orderId)).toHaveLength(1);
      expect(await logEntries(database, orderId)).toHaveLength(1);
    });

    it('marks the delivery sent', async () => {
      const envelope = orderConfirmed();
      const consume = createConsumerHandler(testDependencies(database));

      await consume(sqsEvent([recordOf(envelope)]), lambdaContext());

      const stored = await deliveryOf(database, envelope.id);
      expect(stored?.status).toBe('SENT');
      expect(stored?.providerMessageId).toBe(envelope.id);
      expect(stored?.orderId).toBe(envelope.payload.orderId);
      expect(stored?.template).toBe('order-confirmed');
      expect(typeof stored?.sentAt).toBe('string');
    });

    it('expires the delivery after 30 days', async () => {
      const envelope = orderConfirmed();
      const deps = testDependencies(database, { clock: () => T0 });
      const consume = createConsumerHandler(deps);

      await consume(sqsEvent([recordOf(envelope)]), lambdaContext());

      const stored = await deliveryOf(database, envelope.id);
      const thirtyDaysInSeconds = 30 * 24 * 60 * 60;
      expect(stored?.expiresAt).toBe(T0 / 1000 + thirtyDaysInSeconds);
    });
  });

  describe('delivery lease', () => {
    it('sets the lease to the invocation deadline', async () => {
      const envelope = orderConfirmed();
      const deps = testDependencies(database, { clock: () => T0 });
      const failing = { ...deps, provider: sendThenFail(deps.provider) };
      const context = lambdaContext({ getRemainingTimeInMillis: () => 30_000 });

      await createConsumerHandler(failing)(
        sqsEvent([recordOf(envelope)]),
        context,
      );

      const stored = await deliveryOf(database, envelope.id);
      expect(stored?.status).toBe('SENDING');
      expect(stored?.leaseExpiresAt).toBe(T0 + 30_000);
    });

    it('fails only the record with a live lease', async () => {
      const locked = orderConfirmed();
      const unlocked = orderConfirmed();
      await database.documentClient.send(
        new PutCommand({
          TableName: database.tables.deliveries,
          Item: {
            eventId: locked.id,
            status: 'SENDING',
            leaseExpiresAt: T0 + 60_000,
            orderId: locked.payload.orderId,
            template: 'order-confirmed',
            expiresAt: T0 / 1000 + 86_400,
          },
        }),
      );
      const deps = testDependencies(database, { clock: () => T0 });
      const lockedRecord = recordOf(locked, 2);

      const result = await createConsumerHandler(deps)(
        sqsEvent([lockedRecord, recordOf(unlocked)]),
        lambdaContext(),
      );

      expect(result.batchItemFailures).toEqual([
        { itemIdentifier: lockedRecord.messageId },
      ]);
      expect(await outboxMessages(database, locked.payload.orderId)).toEqual(
        [],
      );
      expect(
        await outboxMessages(database, unlocked.payload.orderId),
      ).toHaveLength(1);
    });

    it('takes over a lapsed lease without duplicating', async () => {
      const envelope = orderConfirmed();
      const firstDeps = testDependencies(database, { clock: () => T0 });
      const timedOut = {
        ...firstDeps,
        provider: sendThenFail(firstDeps.provider),
      };
      const context = lambdaContext({ getRemainingTimeInMillis: () => 30_000 });
      await createConsumerHandler(timedOut)(
        sqsEvent([recordOf(envelope)]),
        context,
      );
      const later = testDependencies(database, { clock: () => T0 + 30_000 });

      const result = await createConsumerHandler(later)(
        sqsEvent([recordOf(envelope, 2)]),
        lambdaContext(),
      );

      expect(result.batchItemFailures).toEqual([]);
      const orderId = envelope.payload.orderId;
      expect(await outboxMessages(database, orderId)).toHaveLength(1);
      expect(await logEntries(database, orderId)).toHaveLength(1);
      expect((await deliveryOf(database, envelope.id))?.status).toBe('SENT');
    });

    it('fails the record whose lease was lost', async () => {
      const envelope = orderConfirmed();
      const first = testDependencies(database, { clock: () => T0 });
      const later = testDependencies(database, { clock: () => T0 + 30_000 });
      // While the first invocation sends, a redelivery takes over its lease.
      const overtaken: NotificationProvider = {
        name: 'outbox',
        async send(message) {
          await createConsumerHandler(later)(
            sqsEvent([recordOf(envelope, 2)]),
            lambdaContext(),
          );
          return first.provider.send(message);
        },
      };
      const record = recordOf(envelope);
      const context = lambdaContext({ getRemainingTimeInMillis: () => 30_000 });

      const result = await createConsumerHandler({
        ...first,
        provider: overtaken,
      })(sqsEvent([record]), context);

      expect(result.batchItemFailures).toEqual([
        { itemIdentifier: record.messageId },
      ]);
      const orderId = envelope.payload.orderId;
      expect(await outboxMessages(database, orderId)).toHaveLength(1);
      expect(await logEntries(database, orderId)).toHaveLength(1);
    });

    it('keeps a lease until its deadline', async () => {
      const envelope = orderConfirmed();
      const firstDeps = testDependencies(database, { clock: () => T0 });
      const timedOut = {
        ...firstDeps,
        provider: sendThenFail(firstDeps.provider),
      };
      const context = lambdaContext({ getRemainingTimeInMillis: () => 30_000 });
      await createConsumerHandler(timedOut)(
        sqsEvent([recordOf(envelope)]),
        context,
      );
      const early = testDependencies(database, { clock: () => T0 + 29_999 });
      const retry = recordOf(envelope, 2);

      const result = await createConsumerHandler(early)(
        sqsEvent([retry]),
        lambdaContext(),
      );

      expect(result.batchItemFailures).toEqual([
        { itemIdentifier: retry.messageId },
      ]);
    });
  });

  describe('invalid customer id', () => {
    it('fails the record before writing', async () => {
      const envelope = orderConfirmed();
      const invalid = {
        ...envelope,
        payload: { ...envelope.payload, customerId: 'C 42' },
      };
      const record = recordOf(invalid);
      const deps = testDependencies(database);

      const result = await createConsumerHandler(deps)(
        sqsEvent([record]),
        lambdaContext(),
      );

      expect(result.batchItemFailures).toEqual([
        { itemIdentifier: record.messageId },
      ]);
      expect(await deliveryOf(database, envelope.id)).toBeUndefined();
      expect(await outboxMessages(database, envelope.payload.orderId)).toEqual(
        [],
      );
    });
  });
});
