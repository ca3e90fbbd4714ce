import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { backoffDelay, sleep } from '@retail/shared';
import {
  Entity,
  EntityParser,
  GetItemCommand,
  item,
  number,
  record,
  string,
} from 'dynamodb-toolbox';
import { StockReadError } from '../errors';
import type { StockTable } from './table';

/** BatchGetItem reads at most 100 keys per call. */
const MAX_BATCH_GET_KEYS = 100;
const MAX_BATCH_GET_ATTEMPTS = 5;

/**
 * Creates the stock entity, one item per SKU. `holds` maps an order id to
 * the quantity the order reserved while it is being processed, and
 * `release:<orderId>` to the quantity its cancellation returned. Both
 * kinds of entry are removed when the order reaches a final state.
 * src/data/stock-holds.ts writes them.
 */
export function createStockEntity(table: StockTable) {
  return new Entity({
    name: 'Stock',
    table,
    entityAttribute: false,
    timestamps: false,
    schema: item({
      sku: string().key(),
      available: number(),
      holds: record(string(), number()),
      updatedAt: string(),
    }),
  });
}

export type StockEntity = ReturnType<typeof createStockEntity>;

/** A SKU's stock as the HTTP API returns it. */
export interface StockLevel {
  sku: string;
  available: number;
  updatedAt: string;
}

/** Reads of stock items and the items that replace them. */
export class StockStore {
  constructor(
    private readonly entity: StockEntity,
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {}

  get tableName(): string {
    return this.entity.table.getName();
  }

  async get(sku: string): Promise<StockLevel | undefined> {
    const { Item } = await this.entity
      .build(GetItemCommand)
      .key({ sku })
      .options({ consistent: true })
      .send();
    if (!Item) return undefined;

    return {
      sku: Item.sku,
      available: Item.available,
      updatedAt: Item.updatedAt,
    };
  }

  /**
   * Returns the available level of each SKU that has an item, read with
   * BatchGetItem 100 keys at a time. Throws StockReadError when keys are
   * still unprocessed after the retries.
   */
  async getLevels(skus: readonly string[]): Promise<Map<string, number>> {
    const levels = new Map<string, number>();
    for (let i = 0; i < skus.length; i += MAX_BATCH_GET_KEYS) {
      const chunk = skus.slice(i, i + MAX_BATCH_GET_KEYS);
      for (const [sku, available] of await this.readChunk(chunk)) {
        levels.set(sku, available);
      }
    }
    return levels;
  }

  /**
   * Builds the item that replaces a SKU's stock item: the given level and
   * no holds. The caller writes it, usually with BatchWriteItem.
   */
  toItem(
    sku: string,
    available: number,
    updatedAt: string,
  ): Record<string, unknown> {
    return this.entity
      .build(EntityParser)
      .parse({ sku, available, holds: {}, updatedAt }).item;
  }

  private async readChunk(skus: string[]): Promise<Array<[string, number]>> {
    const found: Array<[string, number]> = [];
    let keys = skus;

    for (let attempt = 1; keys.length > 0; attempt += 1) {
      if (attempt > MAX_BATCH_GET_ATTEMPTS) {
        throw new StockReadError(keys, MAX_BATCH_GET_ATTEMPTS);
      }
      if (attempt > 1) {
        await this.wait(backoffDelay(attempt - 1, { baseMs: 50 }));
      }

      const result = await this.batchGet(keys);
      found.push(...result.found);
      keys = result.unprocessed;
    }
    return found;
  }

  /** Sends one BatchGetItem call for at most 100 SKUs. */
  private async batchGet(skus: string[]) {
    const tableName = this.tableName;
    const output = await this.entity.table.getDocumentClient().send(
      new BatchGetCommand({
        RequestItems: {
          [tableName]: {
            Keys: skus.map((sku) => ({ sku })),
            ConsistentRead: true,
            ProjectionExpression: '#sku, #available',
            ExpressionAttributeNames: {
              '#sku': 'sku',
              '#available': 'available',
            },
          },
        },
      }),
    );

    const stored = output.Responses?.[tableName] ?? [];
    const unprocessed = output.UnprocessedKeys?.[tableName]?.Keys ?? [];
    return {
      found: stored.map((item): [string, number] => [
        String(item.sku),
        Number(item.available),
      ]),
      unprocessed: unprocessed.map((key) => String(key.sku)),
    };
  }
}
