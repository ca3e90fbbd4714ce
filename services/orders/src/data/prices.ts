import {
  backoffDelay,
  type EventPayload,
  PlatformError,
  sleep,
} from '@retail/shared';
import {
  BatchGetCommand,
  BatchGetRequest,
  boolean,
  type Condition,
  Entity,
  executeBatchGet,
  type FormattedItem,
  isConditionCheckFailed,
  item,
  map,
  number,
  PutItemCommand,
  string,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import type { Dependencies } from '../dependencies';
import type { CatalogPrice } from '../domain/catalog-price';
import { createPricesTable, type PricesTable } from './table';

/** BatchGetItem accepts at most 100 keys per call. */
export const MAX_BATCH_GET_KEYS = 100;

/** Calls per chunk, the first included, before its keys count as failed. */
const MAX_BATCH_GET_ATTEMPTS = 5;

/** Whether a catalog event changed the stored copy or was older than it. */
export type PriceWriteOutcome = 'applied' | 'stale';

/** Some prices could not be read after every retry. */
export class PriceLookupError extends PlatformError {
  constructor(skus: string[]) {
    super(
      'PRICE_LOOKUP_FAILED',
      `prices of ${skus.length} SKU(s) were still unprocessed after ${MAX_BATCH_GET_ATTEMPTS} BatchGetItem calls`,
      { details: { skus } },
    );
  }
}

export function createPriceEntity(table: PricesTable) {
  return new Entity({
    name: 'Price',
    table,
    entityAttribute: false,
    timestamps: false,
    schema: item({
      sku: string().key(),
      name: string().optional(),
      price: map({
        amount: number(),
        currency: string().enum('GBP', 'EUR', 'USD'),
      }).optional(),
      active: boolean(),
      revision: number(),
    }),
  });
}

type PriceEntity = ReturnType<typeof createPriceEntity>;

/** Builds the reads and writes on the prices table. */
export function createPriceStore(
  deps: Pick<Dependencies, 'documentClient' | 'config'>,
) {
  const table = createPricesTable(deps.documentClient, deps.config.pricesTable);
  const entity = createPriceEntity(table);

  return {
    getMany: (skus: string[]) => getPrices(table, entity, skus),
    upsert: (product: EventPayload<'ProductUpserted'>) =>
      upsertPrice(entity, product),
    deactivate: (product: EventPayload<'ProductDeleted'>) =>
      deactivatePrice(entity, product),
  };
}

export type PriceStore = ReturnType<typeof createPriceStore>;

/**
 * Reads the prices of distinct SKUs with BatchGetItem, 100 keys per call,
 * retrying UnprocessedKeys with backoff and jitter. A SKU with no stored
 * price is missing from the result. Throws PriceLookupError when keys are
 * still unprocessed after the last attempt.
 */
async function getPrices(
  table: PricesTable,
  entity: PriceEntity,
  skus: string[],
): Promise<Map<string, CatalogPrice>> {
  const prices = new Map<string, CatalogPrice>();
  for (let i = 0; i < skus.length; i += MAX_BATCH_GET_KEYS) {
    const chunk = skus.slice(i, i + MAX_BATCH_GET_KEYS);
    for (const price of await getChunk(table, entity, chunk)) {
      prices.set(price.sku, price);
    }
  }
  return prices;
}

async function getChunk(
  table: PricesTable,
  entity: PriceEntity,
  skus: string[],
): Promise<CatalogPrice[]> {
  const found: CatalogPrice[] = [];
  let pending = skus;

  for (let attempt = 1; attempt <= MAX_BATCH_GET_ATTEMPTS; attempt += 1) {
    if (attempt > 1) await sleep(backoffDelay(attempt - 1, { baseMs: 50 }));

    const command = table
      .build(BatchGetCommand)
      .requests(
        ...pending.map((sku) => entity.build(BatchGetRequest).key({ sku })),
      );
    const { Responses, UnprocessedKeys } = await executeBatchGet(command);
    const [items = []] = Responses ?? [];
    found.push(...items.filter(isDefined).map(toCatalogPrice));

    pending = unprocessedSkus(UnprocessedKeys, table.getName());
    if (pending.length === 0) return found;
  }
  throw new PriceLookupError(pending);
}

function unprocessedSkus(
  unprocessed: Record<string, { Keys?: Record<string, unknown>[] }> | undefined,
  tableName: string,
): string[] {
  const keys = unprocessed?.[tableName]?.Keys ?? [];
  return keys.map((key) => String(key.sku));
}

/**
 * Stores a product's name and price unless the stored copy has a higher
 * revision. An equal revision is written again, so a redelivery succeeds.
 */
async function upsertPrice(
  entity: PriceEntity,
  product: EventPayload<'ProductUpserted'>,
): Promise<PriceWriteOutcome> {
  try {
    await entity
      .build(PutItemCommand)
      .item({
        sku: product.sku,
        name: product.name,
        price: {
          amount: product.price.amount,
          currency: product.price.currency,
        },
        active: product.active,
        revision: product.revision,
      })
      .options({ condition: notNewerThan(product.revision) })
      .send();
    return 'applied';
  } catch (error) {
    if (isConditionCheckFailed(error)) return 'stale';
    throw error;
  }
}

/**
 * Marks a product inactive at the event's revision, with the same rule as
 * upsertPrice. A product never seen before is stored inactive, so an older
 * ProductUpserted that arrives later is dropped as stale.
 */
async function deactivatePrice(
  entity: PriceEntity,
  product: EventPayload<'ProductDeleted'>,
): Promise<PriceWriteOutcome> {
  try {
    await entity
      .build(UpdateItemCommand)
      .item({ sku: product.sku, active: false, revision: product.revision })
      .options({ condition: notNewerThan(product.revision) })
      .send();
    return 'applied';
  } catch (error) {
    if (isConditionCheckFailed(error)) return 'stale';
    throw error;
  }
}

function notNewerThan(revision: number): Condition<PriceEntity> {
  return {
    or: [
      { attr: 'sku', exists: false },
      { attr: 'revision', lte: revision },
    ],
  };
}

function toCatalogPrice(stored: FormattedItem<PriceEntity>): CatalogPrice {
  return {
    sku: stored.sku,
    active: stored.active,
    revision: stored.revision,
    ...(stored.name === undefined ? {} : { name: stored.name }),
    ...(stored.price === undefined ? {} : { price: stored.price }),
  };
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
