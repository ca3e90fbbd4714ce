import { toEpochSeconds } from '@retail/shared';
import {
  $remove,
  $set,
  type Condition,
  Entity,
  GetItemCommand,
  isConditionCheckFailed,
  item,
  list,
  map,
  number,
  PutItemCommand,
  string,
  UpdateItemCommand,
  type UpdateItemInput,
} from 'dynamodb-toolbox';
import { LeaseLostError } from '../errors';
import type { ReservationsTable } from './table';

/** Reservation records expire (DynamoDB TTL) this long after a write. */
const RECORD_TTL_MS = 90 * 24 * 60 * 60 * 1000;

export const RESERVATION_STATUSES = [
  'RESERVING',
  'RESERVED',
  'REJECTED',
  'RELEASING',
  'RELEASED',
  'CANCELLED',
] as const;

export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** The total quantity of one SKU in an order. */
export interface ReservationLine {
  sku: string;
  quantity: number;
}

export interface StockRejection {
  reason: 'OUT_OF_STOCK' | 'UNKNOWN_SKU';
  sku: string;
  requested: number;
  available: number;
}

/** The right of one invocation to work on an order until `expiresAt`. */
export interface Lease {
  /** The awsRequestId of the invocation. */
  owner: string;
  /** Epoch milliseconds, no later than the invocation's deadline. */
  expiresAt: number;
}

/**
 * One item per order: the state machine of its reservation and the lock
 * that lets one invocation at a time work on it. A CANCELLED record keeps
 * `lines` only while the holds of an interrupted reservation may remain.
 */
export function createReservationEntity(table: ReservationsTable) {
  return new Entity({
    name: 'Reservation',
    table,
    entityAttribute: false,
    timestamps: false,
    schema: item({
      orderId: string().key(),
      status: string().enum(...RESERVATION_STATUSES),
      lines: list(map({ sku: string(), quantity: number() })).optional(),
      rejection: map({
        reason: string().enum('OUT_OF_STOCK', 'UNKNOWN_SKU'),
        sku: string(),
        requested: number(),
        available: number(),
      }).optional(),
      leaseExpiresAt: number().optional(),
      leaseOwner: string().optional(),
      updatedAt: string(),
      expiresAt: number(),
    }),
  });
}

export type ReservationEntity = ReturnType<typeof createReservationEntity>;

export interface Reservation {
  orderId: string;
  status: ReservationStatus;
  lines?: ReservationLine[];
  rejection?: StockRejection;
  leaseExpiresAt?: number;
  leaseOwner?: string;
  updatedAt: string;
}

export type AcquireResult =
  | { acquired: true; resumed: boolean }
  | { acquired: false; current: Reservation | undefined };

/** Reads and state changes of reservation records. */
export class ReservationStore {
  constructor(
    private readonly entity: ReservationEntity,
    private readonly now: () => number,
  ) {}

  async get(orderId: string): Promise<Reservation | undefined> {
    const { Item } = await this.entity
      .build(GetItemCommand)
      .key({ orderId })
      .options({ consistent: true })
      .send();
    return Item;
  }

  /**
   * Writes the record as RESERVING under the lease when it does not exist
   * or when an earlier attempt's lease has expired. `resumed` is true in
   * the second case. When the lock is taken, returns the current record.
   */
  async acquire(
    orderId: string,
    lines: ReservationLine[],
    lease: Lease,
  ): Promise<AcquireResult> {
    const command = this.entity
      .build(PutItemCommand)
      .item({
        orderId,
        status: 'RESERVING',
        lines,
        ...leaseOf(lease),
        ...this.stamps(),
      })
      .options({
        condition: {
          or: [
            { attr: 'orderId', exists: false },
            {
              and: [
                { attr: 'status', eq: 'RESERVING' },
                { attr: 'leaseExpiresAt', lt: this.now() },
              ],
            },
          ],
        },
        returnValues: 'ALL_OLD',
      });

    try {
      const { Attributes } = await command.send();
      return { acquired: true, resumed: Attributes !== undefined };
    } catch (error) {
      if (!isConditionCheckFailed(error)) throw error;
      return { acquired: false, current: await this.get(orderId) };
    }
  }

  /** Moves RESERVING to RESERVED. Throws LeaseLostError if not ours. */
  async markReserved(orderId: string, lease: Lease): Promise<void> {
    await this.finish(orderId, lease, 'RESERVING', { status: 'RESERVED' });
  }

  /** Moves RESERVING to REJECTED. Throws LeaseLostError if not ours. */
  async markRejected(
    orderId: string,
    lease: Lease,
    rejection: StockRejection,
  ): Promise<void> {
    // $set writes the whole map: a plain object would update its fields
    // one by one, which fails while the record has no rejection yet.
    await this.finish(orderId, lease, 'RESERVING', {
      status: 'REJECTED',
      rejection: $set(rejection),
    });
  }

  /** Moves RELEASING to RELEASED. Throws LeaseLostError if not ours. */
  async markReleased(orderId: string, lease: Lease): Promise<void> {
    await this.finish(orderId, lease, 'RELEASING', { status: 'RELEASED' });
  }

  /**
   * Writes a CANCELLED record for an order that has none, so that a late
   * OrderPlaced does not reserve. Returns false if a record appeared.
   */
  async createCancelled(orderId: string): Promise<boolean> {
    const command = this.entity
      .build(PutItemCommand)
      .item({ orderId, status: 'CANCELLED', ...this.stamps() })
      .options({ condition: { attr: 'orderId', exists: false } });
    return this.succeeds(command.send());
  }

  /**
   * Cancels a RESERVING record whose lease was seen expired, keeping its
   * lines until their holds are released. Returns false if it changed.
   */
  async cancelInterrupted(
    orderId: string,
    seen: Reservation,
  ): Promise<boolean> {
    return this.update(
      { orderId, status: 'CANCELLED', ...withoutLease() },
      {
        and: [
          { attr: 'status', eq: 'RESERVING' },
          { attr: 'leaseExpiresAt', eq: seen.leaseExpiresAt ?? 0 },
        ],
      },
    );
  }

  /** Drops the lines of a CANCELLED record once no holds remain. */
  async clearCancelledLines(orderId: string): Promise<void> {
    await this.update(
      { orderId, lines: $remove() },
      { attr: 'status', eq: 'CANCELLED' },
    );
  }

  /** Moves RESERVED to RELEASING under the lease. False if it changed. */
  async beginRelease(orderId: string, lease: Lease): Promise<boolean> {
    return this.update(
      { orderId, status: 'RELEASING', ...leaseOf(lease) },
      { attr: 'status', eq: 'RESERVED' },
    );
  }

  /**
   * Takes over a RELEASING record whose lease was seen expired. Returns
   * false if the record changed since it was read.
   */
  async resumeRelease(
    orderId: string,
    lease: Lease,
    seen: Reservation,
  ): Promise<boolean> {
    return this.update(
      { orderId, ...leaseOf(lease) },
      {
        and: [
          { attr: 'status', eq: 'RELEASING' },
          { attr: 'leaseExpiresAt', eq: seen.leaseExpiresAt ?? 0 },
        ],
      },
    );
  }

  private async finish(
    orderId: string,
    lease: Lease,
    from: ReservationStatus,
    change: Omit<UpdateItemInput<ReservationEntity>, 'orderId'>,
  ): Promise<void> {
    const updated = await this.update(
      { ...change, orderId, ...withoutLease() },
      {
        and: [
          { attr: 'status', eq: from },
          { attr: 'leaseOwner', eq: lease.owner },
        ],
      },
    );
    if (!updated) throw new LeaseLostError(orderId, lease.owner);
  }

  private update(
    changes: UpdateItemInput<ReservationEntity>,
    condition: Condition<ReservationEntity>,
  ): Promise<boolean> {
    const command = this.entity
      .build(UpdateItemCommand)
      .item({ ...changes, ...this.stamps() })
      .options({ condition });
    return this.succeeds(command.send());
  }

  private async succeeds(request: Promise<unknown>): Promise<boolean> {
    try {
      await request;
      return true;
    } catch (error) {
      if (isConditionCheckFailed(error)) return false;
      throw error;
    }
  }

  private stamps() {
    const now = this.now();
    return {
      updatedAt: new Date(now).toISOString(),
      expiresAt: toEpochSeconds(new Date(now + RECORD_TTL_MS)),
    };
  }
}

function leaseOf(lease: Lease) {
  return { leaseOwner: lease.owner, leaseExpiresAt: lease.expiresAt };
}

function withoutLease() {
  return { leaseOwner: $remove(), leaseExpiresAt: $remove() };
}
