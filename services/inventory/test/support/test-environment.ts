import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type BatchWriteOptions,
  createDocumentClient,
  createMetrics,
} from '@retail/shared';
import {
  createTablesFromTemplate,
  dynamoClientFor,
  readPackagedTemplate,
  startDynalite,
} from '@retail/testing';
import { createDependencies, type Dependencies } from '../../src/dependencies';
import { RecordingPublisher } from './recording-publisher';

const SERVICE_DIR = path.resolve(__dirname, '../..');

/** A clock the test moves forward, to let leases expire. */
export class TestClock {
  private current = Date.now();

  readonly now = (): number => this.current;

  advance(ms: number): void {
    this.current += ms;
  }

  /** Moves the clock forward instead of waiting. */
  readonly sleep = async (ms: number): Promise<void> => {
    this.advance(ms);
  };
}

export interface TestEnvironment {
  client: DynamoDBClient;
  tableNames: { stock: string; reservations: string };
  publisher: RecordingPublisher;
  clock: TestClock;
  /** Dependencies on dynalite, the recording publisher and the clock. */
  deps: Dependencies;
  /** Builds dependencies on the same tables with other settings. */
  dependencies(overrides?: {
    client?: DynamoDBClient;
    batchWriteOptions?: BatchWriteOptions;
    sleep?: (ms: number) => Promise<void>;
  }): Dependencies;
  stop(): Promise<void>;
}

/**
 * Starts dynalite and creates the tables of the packaged template, as the
 * stack would deploy them.
 */
export async function startTestEnvironment(): Promise<TestEnvironment> {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const dynalite = await startDynalite();
  const client = dynamoClientFor(dynalite.endpoint);
  const names = await createTablesFromTemplate(
    readPackagedTemplate(SERVICE_DIR),
    client,
  );
  const tableNames = {
    stock: requireName(names, 'StockTable'),
    reservations: requireName(names, 'ReservationsTable'),
  };
  const publisher = new RecordingPublisher();
  const clock = new TestClock();

  const dependencies: TestEnvironment['dependencies'] = (overrides = {}) =>
    createDependencies({
      documentClient: createDocumentClient(overrides.client ?? client),
      publisher,
      logger: new Logger({
        serviceName: 'inventory',
        logLevel: (process.env.TEST_LOG_LEVEL ?? 'SILENT') as LogLevel,
      }),
      metrics: createMetrics('inventory'),
      config: {
        stockTableName: tableNames.stock,
        reservationsTableName: tableNames.reservations,
      },
      now: clock.now,
      sleep: overrides.sleep ?? clock.sleep,
      ...(overrides.batchWriteOptions
        ? { batchWriteOptions: overrides.batchWriteOptions }
        : {}),
    });

  return {
    client,
    tableNames,
    publisher,
    clock,
    deps: dependencies(),
    dependencies,
    stop: async () => {
      client.destroy();
      await dynalite.stop();
    },
  };
}

function requireName(names: Record<string, string>, logicalId: string) {
  const name = names[logicalId];
  if (!name) throw new Error(`packaged template has no ${logicalId}`);
  return name;
}
