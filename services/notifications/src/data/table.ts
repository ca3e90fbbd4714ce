import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox/table';
import type { Config } from '../config';

// Mirrors resources/tables.yml. Keys:
// - deliveries: `eventId` is the envelope id of the consumed event, which
//   producers derive as `<Type>:<entityId>`, so a re-published event maps
//   to the same delivery.
// - log: `orderId`, then `sentAtEventId` = `<sentAt ISO-8601>#<eventId>`,
//   so a Query returns an order's messages oldest first and two messages
//   sent in the same millisecond still get distinct keys.
// - outbox: `messageId` is the eventId, so a resend finds the message.

/** Builds the service's tables on one DocumentClient. */
export function createTables(
  documentClient: DynamoDBDocumentClient,
  names: Config['tables'],
) {
  return {
    deliveries: new Table({
      documentClient,
      name: names.deliveries,
      partitionKey: { name: 'eventId', type: 'string' },
    }),
    log: new Table({
      documentClient,
      name: names.log,
      partitionKey: { name: 'orderId', type: 'string' },
      sortKey: { name: 'sentAtEventId', type: 'string' },
    }),
    outbox: new Table({
      documentClient,
      name: names.outbox,
      partitionKey: { name: 'messageId', type: 'string' },
    }),
  };
}

export type Tables = ReturnType<typeof createTables>;
