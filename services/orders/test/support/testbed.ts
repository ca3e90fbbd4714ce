import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  batchWriteAll,
  createDocumentClient,
  createMetrics,
} from '@retail/shared';
import {
  createTablesFromTemplate,
  dynamoClientFor,
  readPackagedTemplate,
  type StandIn,
  startDynalite,
} from '@retail/testing';
import type { Dependencies } from '../../src/dependencies';
import { RecordingPublisher } from './recording-publisher';

const SERVICE_DIR = path.resolve(__dirname, '../..');

/** Dynalite with the packaged tables, and Dependencies pointing at it. */
export interface Testbed {
  deps: Dependencies;
  publisher: RecordingPublisher;
  dynamoClient: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
  tables: { orders: string; prices: string; idempotency: string };
  /** Stores catalog prices directly, as ProductUpserted would. */
  seedPrices(prices: SeedPrice[]): Promise<void>;
  /** Empties every table and clears the recorded events. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export interface SeedPrice {
  sku: string;
  amount: number;
  name?: string;
  currency?: 'GBP' | 'EUR' | 'USD';
  active?: boolean;
  revision?: number;
}

export async function startTestbed(): Promise<Testbed> {
  const dynalite = await startDynalite();
  const dynamoClient = dynamoClientFor(dynalite.endpoint);
  const names = await createTablesFromTemplate(
    readPackagedTemplate(SERVICE_DIR),
    dynamoClient,
  );
  const tables = {
    orders: requireTable(names, 'OrdersTable'),
    prices: requireTable(names, 'PricesTable'),
    idempotency: requireTable(names, 'IdempotencyTable'),
  };
  const documentClient = createDocumentClient(dynamoClient);
  const publisher = new RecordingPublisher();
  const deps = testDependencies(
    dynamoClient,
    documentClient,
    publisher,
    tables,
  );

  return {
    deps,
    publisher,
    dynamoClient,
    documentClient,
    tables,
    seedPrices: (prices) => seedPrices(documentClient, tables.prices, prices),
    reset: async () => {
      await emptyTable(documentClient, tables.orders, 'orderId');
      await emptyTable(documentClient, tables.prices, 'sku');
      await emptyTable(documentClient, tables.idempotency, 'id');
      publisher.clear();
    },
    stop: () => stopAll(dynalite, dynamoClient),
  };
}

function testDependencies(
  dynamoClient: DynamoDBClient,
  documentClient: DynamoDBDocumentClient,
  publisher: RecordingPublisher,
  tables: Testbed['tables'],
): Dependencies {
  // The consumer emits EMF metrics to stdout after every batch.
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  return {
    config: {
      ordersTable: tables.orders,
      pricesTable: tables.prices,
      idempotencyTable: tables.idempotency,
      idempotencyExpirySeconds: 3600,
      eventBusName: 'test-bus',
    },
    dynamoClient,
    documentClient,
    publisher,
    logger: new Logger({ serviceName: 'orders', logLevel: 'SILENT' }),
    metrics: createMetrics('orders'),
    now: () => new Date(),
  };
}

function requireTable(names: Record<string, string>, logicalId: string) {
  const name = names[logicalId];
  if (!name) throw new Error(`packaged template has no ${logicalId}`);
  return name;
}

async function seedPrices(
  client: DynamoDBDocumentClient,
  tableName: string,
  prices: SeedPrice[],
): Promise<void> {
  const writes = prices.map((price) => ({
    tableName,
    put: {
      sku: price.sku,
      name: price.name ?? `Product ${price.sku}`,
      price: { amount: price.amount, currency: price.currency ?? 'GBP' },
      active: price.active ?? true,
      revision: price.revision ?? 1,
    },
  }));
  const result = await batchWriteAll(client, writes);
  if (result.failed.length > 0) throw new Error('seeding prices failed');
}

async function emptyTable(
  client: DynamoDBDocumentClient,
  tableName: string,
  keyName: string,
): Promise<void> {
  const { Items = [] } = await client.send(
    new ScanCommand({ TableName: tableName }),
  );
  const writes = Items.map((stored) => ({
    tableName,
    deleteKey: { [keyName]: stored[keyName] },
  }));
  await batchWriteAll(client, writes);
}

async function stopAll(dynalite: StandIn, client: DynamoDBClient) {
  client.destroy();
  await dynalite.stop();
}

/** Writes a raw item, bypassing the data layer. */
export async function putRawItem(
  client: DynamoDBDocumentClient,
  tableName: string,
  item: Record<string, unknown>,
): Promise<void> {
  await client.send(new PutCommand({ TableName: tableName, Item: item }));
}
