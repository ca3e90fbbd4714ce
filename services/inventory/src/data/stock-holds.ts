import {
  GetCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { isConditionCheckFailed } from 'dynamodb-toolbox';
import {
  OutOfStockError,
  StockContentionError,
  UnknownSkuError,
} from '../errors';
import type { ReservationLine } from './reservation';
import type { StockTable } from './table';

// These updates address `holds.<key>` where the key is an order id, which
// may contain any character. dynamodb-toolbox 2.10.6 builds condition paths
// from strings and misreads keys such as `release:O-1` (it keeps only
// `O-1`), so the updates are written as plain UpdateItem expressions with
// the key passed in ExpressionAttributeNames.

/** Hold attempts when the level changes between the update and re-read. */
const MAX_HOLD_ATTEMPTS = 3;

const LEVEL_NAMES = {
  '#available': 'available',
  '#holds': 'holds',
  '#updatedAt': 'updatedAt',
};

/** Returns the `holds` key that marks an order's cancellation as restocked. */
// NOTE: an order id that starts with `release:` gives the same key as the
// release marker of another order. Order ids are not checked for it.
export function releaseMarker(orderId: string): string {
  return `release:${orderId}`;
}

export interface HoldResult {
  /** Level after this order's hold. */
  available: number;
  /** true when an earlier attempt for the order had already held it. */
  alreadyHeld: boolean;
}

/** A level that a release or restock raised. */
export interface LevelChange {
  sku: string;
  before: number;
  after: number;
}

/**
 * Conditional updates that take stock for an order and give it back. Each
 * one is idempotent: the `holds` entry of the order, or its release
 * marker, records that the step already ran.
 */
export class StockHolds {
  constructor(
    private readonly table: StockTable,
    private readonly now: () => number,
  ) {}

  /**
   * Subtracts the line's quantity and records it under the order. Throws
   * UnknownSkuError or OutOfStockError when the stock cannot cover it.
   */
  async hold(orderId: string, line: ReservationLine): Promise<HoldResult> {
    for (let attempt = 1; attempt <= MAX_HOLD_ATTEMPTS; attempt += 1) {
      const updated = await this.tryHold(orderId, line);
      if (updated !== undefined) {
        return { available: updated, alreadyHeld: false };
      }

      const current = await this.read(line.sku);
      if (!current) {
        throw new UnknownSkuError({ orderId, ...requestOf(line) });
      }
      if (current.holds[orderId] !== undefined) {
        return { available: current.available, alreadyHeld: true };
      }
      if (current.available < line.quantity) {
        const available = current.available;
        throw new OutOfStockError({ orderId, ...requestOf(line), available });
      }
    }
    throw new StockContentionError(orderId, line.sku, MAX_HOLD_ATTEMPTS);
  }

  /**
   * Gives back the order's hold on a SKU and removes its entry. Returns
   * undefined when the order has no hold there.
   */
  async releaseHold(
    orderId: string,
    sku: string,
  ): Promise<LevelChange | undefined> {
    const output = await this.conditionalUpdate({
      Key: { sku },
      UpdateExpression:
        'SET #available = #available + #holds.#key, #updatedAt = :now REMOVE #holds.#key',
      ConditionExpression: 'attribute_exists(#holds.#key)',
      ExpressionAttributeNames: { ...LEVEL_NAMES, '#key': orderId },
      ExpressionAttributeValues: { ':now': this.timestamp() },
      ReturnValues: 'UPDATED_OLD',
    });
    if (!output) return undefined;

    const before = Number(output.available);
    const held = Number((output.holds as Record<string, unknown>)[orderId]);
    return { sku, before, after: before + held };
  }

  /**
   * Adds a cancelled line back and writes the order's release marker.
   * Returns undefined when the marker exists (already restocked) or the
   * SKU has no item.
   */
  async restock(
    orderId: string,
    line: ReservationLine,
  ): Promise<LevelChange | undefined> {
    const output = await this.conditionalUpdate({
      Key: { sku: line.sku },
      UpdateExpression:
        'SET #available = #available + :quantity, #holds.#key = :quantity, #updatedAt = :now',
      ConditionExpression:
        'attribute_exists(#sku) AND attribute_not_exists(#holds.#key)',
      ExpressionAttributeNames: {
        ...LEVEL_NAMES,
        '#sku': 'sku',
        '#key': releaseMarker(orderId),
      },
      ExpressionAttributeValues: {
        ':now': this.timestamp(),
        ':quantity': line.quantity,
      },
      ReturnValues: 'UPDATED_OLD',
    });
    if (!output) return undefined;

    const before = Number(output.available);
    return { sku: line.sku, before, after: before + line.quantity };
  }

  /** Removes the order's hold entry without changing the level. */
  async clearHold(orderId: string, sku: string): Promise<void> {
    await this.conditionalUpdate({
      Key: { sku },
      UpdateExpression: 'REMOVE #holds.#key',
      ConditionExpression: 'attribute_exists(#holds.#key)',
      ExpressionAttributeNames: { '#holds': 'holds', '#key': orderId },
    });
  }

  /**
   * Removes the order's hold entry and release marker without changing the
   * level. Call it only once the order is RELEASED: while a release runs,
   * the marker is what stops a SKU from being restocked twice.
   */
  async clearOrderEntries(orderId: string, sku: string): Promise<void> {
    await this.conditionalUpdate({
      Key: { sku },
      UpdateExpression: 'REMOVE #holds.#hold, #holds.#release',
      ConditionExpression: 'attribute_exists(#sku)',
      ExpressionAttributeNames: {
        '#sku': 'sku',
        '#holds': 'holds',
        '#hold': orderId,
        '#release': releaseMarker(orderId),
      },
    });
  }

  private async tryHold(
    orderId: string,
    line: ReservationLine,
  ): Promise<number | undefined> {
    const output = await this.conditionalUpdate({
      Key: { sku: line.sku },
      UpdateExpression:
        'SET #available = #available - :quantity, #holds.#key = :quantity, #updatedAt = :now',
      ConditionExpression:
        '#available >= :quantity AND attribute_not_exists(#holds.#key)',
      ExpressionAttributeNames: { ...LEVEL_NAMES, '#key': orderId },
      ExpressionAttributeValues: {
        ':now': this.timestamp(),
        ':quantity': line.quantity,
      },
      ReturnValues: 'UPDATED_NEW',
    });
    return output ? Number(output.available) : undefined;
  }

  private async read(sku: string) {
    const { Item } = await this.table.getDocumentClient().send(
      new GetCommand({
        TableName: this.table.getName(),
        Key: { sku },
        ConsistentRead: true,
      }),
    );
    if (!Item) return undefined;

    return {
      available: Number(Item.available),
      holds: (Item.holds ?? {}) as Record<string, number>,
    };
  }

  /**
   * Sends an UpdateItem and returns its Attributes, or undefined when the
   * condition failed.
   */
  private async conditionalUpdate(
    input: Omit<UpdateCommandInput, 'TableName'>,
  ): Promise<Record<string, unknown> | undefined> {
    try {
      const output = await this.table
        .getDocumentClient()
        .send(new UpdateCommand({ TableName: this.table.getName(), ...input }));
      return output.Attributes ?? {};
    } catch (error) {
      if (isConditionCheckFailed(error)) return undefined;
      throw error;
    }
  }

  private timestamp(): string {
    return new Date(this.now()).toISOString();
  }
}

function requestOf(line: ReservationLine) {
  return { sku: line.sku, requested: line.quantity };
}
