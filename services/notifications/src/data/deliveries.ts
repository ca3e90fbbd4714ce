import { toEpochSeconds } from '@retail/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { DeliveryInProgressError, LeaseLostError } from '../errors';
import type { TemplateName } from '../templates/rendered-message';
import { isConditionalCheckFailure } from './conditional-check';
import type { Tables } from './table';

/** How long a delivery is kept to drop duplicates: 30 days. */
const DELIVERY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export interface LockRequest {
  eventId: string;
  orderId: string;
  template: TemplateName;
  /** Epoch ms at which the lock lapses, no later than the Lambda deadline. */
  leaseExpiresAt: number;
  /** Epoch ms. */
  now: number;
}

export type LockOutcome =
  /** The caller holds the lock, which replaced `takenOverLease` if set. */
  | { kind: 'acquired'; takenOverLease?: number }
  /** An earlier delivery of this event has completed. */
  | { kind: 'sent'; providerMessageId: string; sentAt: string };

export interface SentMark {
  eventId: string;
  leaseExpiresAt: number;
  providerMessageId: string;
  sentAt: string;
}

/** The exactly-once guard: one item per consumed event. */
export interface Deliveries {
  /**
   * Takes the delivery lock of an event when no delivery exists or the
   * last one stopped with a lapsed lease. Throws DeliveryInProgressError
   * when another invocation holds a live lease.
   */
  acquire(request: LockRequest): Promise<LockOutcome>;
  /** Marks the event sent. Throws LeaseLostError when the lock was lost. */
  markSent(mark: SentMark): Promise<void>;
}

export function createDeliveryEntity(table: Tables['deliveries']) {
  return new Entity({
    name: 'Delivery',
    table,
    timestamps: false,
    schema: item({
      eventId: string().key(),
      status: string().enum('SENDING', 'SENT'),
      leaseExpiresAt: number(),
      orderId: string(),
      template: string(),
      providerMessageId: string().optional(),
      sentAt: string().optional(),
      expiresAt: number(),
    }),
  });
}

type DeliveryEntity = ReturnType<typeof createDeliveryEntity>;

export function createDeliveries(table: Tables['deliveries']): Deliveries {
  const entity = createDeliveryEntity(table);
  return {
    acquire: (request) => acquire(entity, request),
    markSent: (mark) => markSent(entity, mark),
  };
}

async function acquire(
  entity: DeliveryEntity,
  request: LockRequest,
): Promise<LockOutcome> {
  try {
    const { Attributes: previous } = await entity
      .build(PutItemCommand)
      .item({
        eventId: request.eventId,
        status: 'SENDING',
        leaseExpiresAt: request.leaseExpiresAt,
        orderId: request.orderId,
        template: request.template,
        expiresAt: toEpochSeconds(
          new Date(request.now + DELIVERY_RETENTION_MS),
        ),
      })
      .options({
        returnValues: 'ALL_OLD',
        condition: {
          or: [
            { attr: 'eventId', exists: false },
            {
              and: [
                { attr: 'status', eq: 'SENDING' },
                { attr: 'leaseExpiresAt', lte: request.now },
              ],
            },
          ],
        },
      })
      .send();

    return previous === undefined
      ? { kind: 'acquired' }
      : { kind: 'acquired', takenOverLease: previous.leaseExpiresAt };
  } catch (error) {
    if (!isConditionalCheckFailure(error)) throw error;
    return readCompleted(entity, request.eventId);
  }
}

/**
 * Reads the delivery that rejected a lock request. Returns it when it was
 * sent, and throws DeliveryInProgressError when its lease is live.
 */
async function readCompleted(
  entity: DeliveryEntity,
  eventId: string,
): Promise<LockOutcome> {
  const { Item: current } = await entity
    .build(GetItemCommand)
    .key({ eventId })
    .options({ consistent: true })
    .send();

  if (
    current?.status === 'SENT' &&
    current.providerMessageId &&
    current.sentAt
  ) {
    return {
      kind: 'sent',
      providerMessageId: current.providerMessageId,
      sentAt: current.sentAt,
    };
  }
  throw new DeliveryInProgressError(eventId, current?.leaseExpiresAt);
}

async function markSent(entity: DeliveryEntity, mark: SentMark): Promise<void> {
  try {
    await entity
      .build(UpdateItemCommand)
      .item({
        eventId: mark.eventId,
        status: 'SENT',
        providerMessageId: mark.providerMessageId,
        sentAt: mark.sentAt,
      })
      .options({
        condition: {
          and: [
            { attr: 'status', eq: 'SENDING' },
            { attr: 'leaseExpiresAt', eq: mark.leaseExpiresAt },
          ],
        },
      })
      .send();
  } catch (error) {
    if (!isConditionalCheckFailure(error)) throw error;
    throw new LeaseLostError(mark.eventId, mark.leaseExpiresAt, error);
  }
}
