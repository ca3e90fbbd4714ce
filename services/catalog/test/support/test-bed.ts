import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  type BatchWriteOptions,
  createDocumentClient,
  createMetrics,
  type EventEnvelope,
  type EventPublisher,
} from '@retail/shared';
import {
  createTablesFromTemplate,
  dynamoClientFor,
  readPackagedTemplate,
  type StandIn,
  startDynalite,
} from '@retail/testing';
import { createDependencies, type Dependencies } from '../../src/dependencies';

export const SERVICE_DIR = path.join(__dirname, '..', '..');

/** A publisher that stores the envelopes instead of calling EventBridge. */
export interface RecordingPublisher extends EventPublisher {
  events: EventEnvelope[];
}

export function createRecordingPublisher(): RecordingPublisher {
  const events: EventEnvelope[] = [];
  return {
    events,
    async publish(published) {
      events.push(...published);
    },
  };
}

/** dynalite with the tables of the packaged template. */
export interface TestBed {
  endpoint: string;
  client: DynamoDBClient;
  tableName: string;
  stop(): Promise<void>;
}

export async function startTestBed(): Promise<TestBed> {
  const dynalite: StandIn = await startDynalite();
  const client = dynamoClientFor(dynalite.endpoint);
  const names = await createTablesFromTemplate(
    readPackagedTemplate(SERVICE_DIR),
    client,
  );

  const tableName = names.ProductsTable;
  if (!tableName) throw new Error('packaged template has no ProductsTable');
  return {
    endpoint: dynalite.endpoint,
    client,
    tableName,
    stop: async () => {
      client.destroy();
      await dynalite.stop();
    },
  };
}

export type TestDependencies = Dependencies & { publisher: RecordingPublisher };

/** Dependencies on the test bed, with a recording publisher. */
export function createTestDependencies(
  bed: TestBed,
  options: {
    now?: () => Date;
    batchOptions?: Omit<BatchWriteOptions, 'logger'>;
  } = {},
): TestDependencies {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const publisher = createRecordingPublisher();
  const deps = createDependencies({
    documentClient: createDocumentClient(bed.client),
    productsTable: bed.tableName,
    publisher,
    logger: new Logger({ serviceName: 'catalog', logLevel: 'SILENT' }),
    metrics: createMetrics('catalog'),
    ...options,
  });
  return { ...deps, publisher };
}

/** Reads an item as DynamoDB stores it, attribute types included. */
export async function readRawItem(
  bed: TestBed,
  sku: string,
): Promise<Record<string, AttributeValue> | undefined> {
  const { Item } = await bed.client.send(
    new GetItemCommand({
      TableName: bed.tableName,
      Key: { sku: { S: sku } },
      ConsistentRead: true,
    }),
  );
  return Item;
}
