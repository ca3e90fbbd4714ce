import { Entity } from 'dynamodb-toolbox/entity';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { isConditionalCheckFailure } from './conditional-check';
import type { Tables } from './table';

/** A message the local provider delivered, readable by tests and tools. */
export interface OutboxMessage {
  /** The eventId the message was sent for. */
  messageId: string;
  recipient: string;
  subject: string;
  text: string;
  orderId: string;
  /** ISO-8601. */
  createdAt: string;
}

export interface Outbox {
  /**
   * Stores a message unless one with its messageId exists. Returns false
   * when it existed, and leaves the stored message as it was.
   */
  putOnce(message: OutboxMessage): Promise<boolean>;
}

export function createOutboxEntity(table: Tables['outbox']) {
  return new Entity({
    name: 'OutboxMessage',
    table,
    timestamps: false,
    schema: item({
      messageId: string().key(),
      recipient: string(),
      subject: string(),
      text: string(),
      orderId: string(),
      createdAt: string(),
    }),
  });
}

export function createOutbox(table: Tables['outbox']): Outbox {
  const entity = createOutboxEntity(table);
  return {
    async putOnce(message) {
      try {
        await entity
          .build(PutItemCommand)
          .item(message)
          .options({ condition: { attr: 'messageId', exists: false } })
          .send();
        return true;
      } catch (error) {
        if (!isConditionalCheckFailure(error)) throw error;
        return false;
      }
    },
  };
}
