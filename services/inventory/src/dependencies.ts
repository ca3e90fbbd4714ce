import type { Logger } from '@aws-lambda-powertools/logger';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type BatchWriteOptions,
  createDocumentClient,
  createEventPublisher,
  createLogger,
  createMetrics,
  type EventPublisher,
} from '@retail/shared';
import { type Config, loadConfig } from './config';
import { createReservationEntity, ReservationStore } from './data/reservation';
import { createStockEntity, StockStore } from './data/stock';
import { StockHolds } from './data/stock-holds';
import { createReservationsTable, createStockTable } from './data/table';

export type Metrics = ReturnType<typeof createMetrics>;

/** Everything the handlers use, built once per container or per test. */
export interface Dependencies {
  documentClient: DynamoDBDocumentClient;
  stock: StockStore;
  holds: StockHolds;
  reservations: ReservationStore;
  publisher: EventPublisher;
  logger: Logger;
  metrics: Metrics;
  /** Epoch milliseconds; tests move it forward to expire leases. */
  now: () => number;
  /** Waits for `ms` milliseconds; tests pass one that moves their clock. */
  sleep: (ms: number) => Promise<void>;
  batchWriteOptions?: BatchWriteOptions;
}

export interface DependencyOptions {
  documentClient: DynamoDBDocumentClient;
  publisher: EventPublisher;
  logger: Logger;
  metrics: Metrics;
  config: Pick<Config, 'stockTableName' | 'reservationsTableName'>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  batchWriteOptions?: BatchWriteOptions;
}

/** Builds the stores on top of the given clients. */
export function createDependencies(options: DependencyOptions): Dependencies {
  const { documentClient, config } = options;
  const now = options.now ?? Date.now;
  const stockTable = createStockTable(documentClient, config.stockTableName);
  const reservationsTable = createReservationsTable(
    documentClient,
    config.reservationsTableName,
  );

  return {
    documentClient,
    stock: new StockStore(createStockEntity(stockTable)),
    holds: new StockHolds(stockTable, now),
    reservations: new ReservationStore(
      createReservationEntity(reservationsTable),
      now,
    ),
    publisher: options.publisher,
    logger: options.logger,
    metrics: options.metrics,
    now,
    sleep: options.sleep ?? sleepFor,
    ...(options.batchWriteOptions
      ? { batchWriteOptions: options.batchWriteOptions }
      : {}),
  };
}

let containerDependencies: Dependencies | undefined;

/**
 * Returns the dependencies of this Lambda container, built from the
 * environment on first use and reused by every later invocation.
 */
export function defaultDependencies(): Dependencies {
  if (containerDependencies) return containerDependencies;

  const config = loadConfig();
  const logger = createLogger('inventory');
  const publisher = createEventPublisher({
    client: new EventBridgeClient({}),
    busName: config.eventBusName,
    logger,
  });
  containerDependencies = createDependencies({
    documentClient: createDocumentClient(),
    publisher,
    logger,
    metrics: createMetrics('inventory'),
    config,
  });
  return containerDependencies;
}

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
