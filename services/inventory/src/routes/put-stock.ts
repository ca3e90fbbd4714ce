import {
  batchWriteAll,
  describeError,
  type EventEnvelope,
  parseJsonBody,
  type RouteHandler,
  type TableWrite,
  ValidationError,
} from '@retail/shared';
import { z } from 'zod';
import type { Dependencies } from '../dependencies';
import {
  stockDepletedEvent,
  stockReplenishedEvent,
} from '../events/stock-events';
import { skuSchema } from './sku';

const MAX_ITEMS = 1000;

const stockItemSchema = z
  .object({
    sku: skuSchema,
    available: z
      .number('available must be a number')
      .int('available must be a whole number')
      .min(0, 'available must be 0 or more'),
  })
  .strict();

const putStockSchema = z
  .object({
    items: z
      .array(stockItemSchema)
      .min(1, 'items is empty: send 1 to 1000 items')
      .max(MAX_ITEMS, `items has more than ${MAX_ITEMS} entries: split it`),
  })
  .strict();

type StockItem = z.infer<typeof stockItemSchema>;

type PutStockDependencies = Pick<
  Dependencies,
  | 'stock'
  | 'documentClient'
  | 'publisher'
  | 'logger'
  | 'now'
  | 'batchWriteOptions'
>;

interface FailedItem {
  sku: string;
  reason: string;
}

/**
 * PUT /stock: sets absolute levels, for initial loads and stocktakes.
 * 200 { updated, failed: [] }, or 207 when some items failed.
 */
// NOTE: each written item replaces the SKU's holds as well as its level.
// An order being reserved or released for one of these SKUs loses its
// entry there, so a retried step may take or give back its stock a second
// time. Run stocktakes when no order for those SKUs is in flight.
export function putStockRoute(deps: PutStockDependencies): RouteHandler {
  return async (request) => {
    const { items } = parseJsonBody(request, putStockSchema);
    rejectDuplicates(items);

    const previous = await deps.stock.getLevels(items.map((item) => item.sku));
    const updatedAt = new Date(deps.now()).toISOString();
    const failed = await writeLevels(deps, items, updatedAt);

    const failedSkus = new Set(failed.map((entry) => entry.sku));
    const written = items.filter((item) => !failedSkus.has(item.sku));
    await publishLevelChanges(deps, written, previous, updatedAt);

    const statusCode = failed.length > 0 ? 207 : 200;
    return { statusCode, body: { updated: written.length, failed } };
  };
}

/** Writes every item with BatchWriteItem; returns the ones that failed. */
async function writeLevels(
  deps: PutStockDependencies,
  items: readonly StockItem[],
  updatedAt: string,
): Promise<FailedItem[]> {
  const writes: TableWrite[] = items.map((item) => ({
    tableName: deps.stock.tableName,
    put: deps.stock.toItem(item.sku, item.available, updatedAt),
    owner: item.sku,
  }));

  const result = await batchWriteAll(deps.documentClient, writes, {
    logger: deps.logger,
    ...deps.batchWriteOptions,
  });
  return result.failed.map((write) => ({
    sku: write.owner ?? '',
    reason: write.reason,
  }));
}

function rejectDuplicates(items: readonly StockItem[]): void {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { sku } of items) {
    if (seen.has(sku)) duplicates.add(sku);
    seen.add(sku);
  }
  if (duplicates.size === 0) return;

  const skus = [...duplicates];
  throw new ValidationError(
    `items lists SKU(s) ${skus.join(', ')} more than once: send each SKU once`,
    { statusCode: 422, details: { field: 'items', duplicates: skus } },
  );
}

/**
 * Announces the levels that left 0 (StockReplenished) and the ones that
 * reached 0 (StockDepleted). A SKU without a previous item counts as 0
 * for replenishment and as in stock for depletion, so a new SKU is always
 * announced.
 */
async function publishLevelChanges(
  deps: Pick<Dependencies, 'publisher' | 'logger'>,
  items: readonly StockItem[],
  previous: ReadonlyMap<string, number>,
  updatedAt: string,
): Promise<void> {
  const events = items
    .map((item) => levelChangeEvent(item, previous.get(item.sku), updatedAt))
    .filter((event) => event !== undefined);
  if (events.length === 0) return;

  // NOTE: the levels are already written, so a failed publish is logged
  // and not retried. A repeat of the request finds no change to announce.
  try {
    await deps.publisher.publish(events);
  } catch (error) {
    deps.logger.error('stock level events not published', {
      error: describeError(error),
      eventIds: events.map((event) => event.id),
    });
  }
}

function levelChangeEvent(
  item: StockItem,
  before: number | undefined,
  updatedAt: string,
): EventEnvelope | undefined {
  const time = new Date(updatedAt);
  if (item.available > 0 && (before ?? 0) === 0) {
    return stockReplenishedEvent(item.sku, item.available, updatedAt, time);
  }
  if (item.available === 0 && before !== 0) {
    return stockDepletedEvent(item.sku, updatedAt, time);
  }
  return undefined;
}
