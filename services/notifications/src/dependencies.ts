import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type BatchWriteOptions,
  createDocumentClient,
  createLogger,
  createMetrics,
} from '@retail/shared';
import { type Config, readConfig } from './config';
import { createDeliveries, type Deliveries } from './data/deliveries';
import {
  createNotificationLog,
  type NotificationLog,
} from './data/notification-log';
import { createOutbox } from './data/outbox';
import { createTables } from './data/table';
import { createProvider } from './providers/create-provider';
import type { NotificationProvider } from './providers/notification-provider';

export const SERVICE_NAME = 'notifications';

export type Metrics = ReturnType<typeof createMetrics>;

/** Everything the handlers use, built once per container. */
export interface Dependencies {
  config: Config;
  documentClient: DynamoDBDocumentClient;
  deliveries: Deliveries;
  notificationLog: NotificationLog;
  provider: NotificationProvider;
  logger: Logger;
  metrics: Metrics;
  /** Current time source, in epoch ms. */
  clock: () => number;
  batchWriteOptions?: BatchWriteOptions;
}

/**
 * Builds the dependencies on one DocumentClient. Tests pass their own
 * client, clock or provider.
 */
export function createDependencies(
  options: Pick<Dependencies, 'config' | 'documentClient'> &
    Partial<Omit<Dependencies, 'config' | 'documentClient'>>,
): Dependencies {
  const tables = createTables(options.documentClient, options.config.tables);
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? createLogger(SERVICE_NAME);

  return {
    deliveries: createDeliveries(tables.deliveries),
    notificationLog: createNotificationLog(tables.log),
    provider: createProvider(options.config.provider, {
      outbox: createOutbox(tables.outbox),
      clock,
      logger,
    }),
    metrics: createMetrics(SERVICE_NAME),
    ...options,
    clock,
    logger,
  };
}

let cached: Dependencies | undefined;

/** Returns the deployed functions' dependencies, built on first use. */
export function defaultDependencies(): Dependencies {
  cached ??= createDependencies({
    config: readConfig(),
    documentClient: createDocumentClient(),
  });
  return cached;
}
