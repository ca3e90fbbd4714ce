import type { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createDocumentClient,
  createEventPublisher,
  createLogger,
  createMetrics,
  type EventPublisher,
  type QueueConsumerOptions,
} from '@retail/shared';
import { loadConfig, type OrdersConfig } from './config';

/** Clients and settings the handlers use. Tests pass their own. */
export interface Dependencies {
  config: OrdersConfig;
  /** The low-level client, which Powertools idempotency needs. */
  dynamoClient: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
  publisher: EventPublisher;
  logger: Logger;
  metrics: QueueConsumerOptions['metrics'];
  now(): Date;
}

let containerDependencies: Dependencies | undefined;

/**
 * Returns the dependencies of this Lambda container, built on first use
 * and reused by every later invocation. Endpoints come from the SDK's
 * environment variables, such as AWS_ENDPOINT_URL_DYNAMODB.
 */
export function defaultDependencies(): Dependencies {
  containerDependencies ??= buildDependencies();
  return containerDependencies;
}

function buildDependencies(): Dependencies {
  const config = loadConfig();
  const logger = createLogger('orders');
  const dynamoClient = new DynamoDBClient({});
  const publisher = createEventPublisher({
    client: new EventBridgeClient({}),
    busName: config.eventBusName,
    logger,
  });

  return {
    config,
    dynamoClient,
    documentClient: createDocumentClient(dynamoClient),
    publisher,
    logger,
    metrics: createMetrics('orders'),
    now: () => new Date(),
  };
}
