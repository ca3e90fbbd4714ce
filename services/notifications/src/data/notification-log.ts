import type { TableWrite } from '@retail/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { TemplateName } from '../templates/rendered-message';
import type { Tables } from './table';

/** One delivered message of an order. */
export interface LogEntry {
  orderId: string;
  eventId: string;
  template: TemplateName;
  recipient: string;
  subject: string;
  providerMessageId: string;
  /** ISO-8601. */
  sentAt: string;
}

/** The messages sent per order, oldest first. */
export interface NotificationLog {
  /** Returns the write of an entry, for the consumer's BatchWriteItem. */
  toWrite(entry: LogEntry): Omit<TableWrite, 'owner'>;
  /** Writes one entry. Writing the same entry again changes nothing. */
  put(entry: LogEntry): Promise<void>;
  listByOrder(orderId: string): Promise<LogEntry[]>;
}

export function createLogEntryEntity(table: Tables['log']) {
  return new Entity({
    name: 'LogEntry',
    table,
    timestamps: false,
    schema: item({
      orderId: string().key(),
      sentAtEventId: string().key().hidden(),
      eventId: string(),
      template: string().enum(
        'order-confirmed',
        'order-rejected',
        'order-cancelled',
      ),
      recipient: string(),
      subject: string(),
      providerMessageId: string(),
      sentAt: string(),
    }),
  });
}

export function createNotificationLog(table: Tables['log']): NotificationLog {
  const entity = createLogEntryEntity(table);
  const putCommand = (entry: LogEntry) =>
    entity
      .build(PutItemCommand)
      .item({ ...entry, sentAtEventId: `${entry.sentAt}#${entry.eventId}` });

  return {
    toWrite(entry) {
      const params = putCommand(entry).params();
      return { tableName: table.getName(), put: params.Item };
    },
    async put(entry) {
      await putCommand(entry).send();
    },
    async listByOrder(orderId) {
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(entity)
        .query({ partition: orderId })
        .options({ maxPages: Number.POSITIVE_INFINITY })
        .send();
      return Items;
    },
  };
}
