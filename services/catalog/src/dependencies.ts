import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type BatchWriteOptions,
  createDocumentClient,
  createEventPublisher,
  createLogger,
  createMetrics,
  type EventPublisher,
} from '@retail/shared';
import { loadConfig } from './config';
import { createProductStore, type ProductStore } from './data/product-store';

/** Name of this service in logs and metrics. */
export const SERVICE_NAME = 'catalog';

/** Clients and settings the handlers use. Tests build one on dynalite. */
export interface Dependencies {
  products: ProductStore;
  publisher: EventPublisher;
  logger: Logger;
  metrics: ReturnType<typeof createMetrics>;
  /** The clock behind revisions and timestamps. */
  now: () => Date;
}

export interface DependencyOptions {
  documentClient: DynamoDBDocumentClient;
  productsTable: string;
  publisher: EventPublisher;
  logger: Logger;
  metrics: ReturnType<typeof createMetrics>;
  now?: () => Date;
  batchOptions?: Omit<BatchWriteOptions, 'logger'>;
}

/** Assembles Dependencies from clients that the caller created. */
export function createDependencies(options: DependencyOptions): Dependencies {
  return {
    products: createProductStore({
      documentClient: options.documentClient,
      tableName: options.productsTable,
      logger: options.logger,
      ...(options.batchOptions ? { batchOptions: options.batchOptions } : {}),
    }),
    publisher: options.publisher,
    logger: options.logger,
    metrics: options.metrics,
    now: options.now ?? (() => new Date()),
  };
}

let containerDependencies: Dependencies | undefined;

/**
 * Returns the Dependencies of this Lambda container, creating the clients
 * on the first call only, so that every invocation reuses them. Reads the
 * environment then, not when the module loads.
 */
export function defaultDependencies(): Dependencies {
  containerDependencies ??= buildFromEnvironment();
  return containerDependencies;
}

function buildFromEnvironment(): Dependencies {
  const config = loadConfig();
  const logger = createLogger(SERVICE_NAME);
  return createDependencies({
    documentClient: createDocumentClient(),
    productsTable: config.productsTable,
    publisher: createEventPublisher({ busName: config.eventBusName, logger }),
    logger,
    metrics: createMetrics(SERVICE_NAME),
  });
}
