import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createMetrics } from '@retail/shared';
import type { Config } from '../../src/config';
import {
  createDependencies,
  type Dependencies,
  type Metrics,
  SERVICE_NAME,
} from '../../src/dependencies';

export const RECIPIENT_DOMAIN = 'customers.retail.test';

/** Returns a configuration of the outbox provider on the given tables. */
export function testConfig(tables: Config['tables']): Config {
  return {
    tables,
    provider: { kind: 'outbox' },
    recipientDomain: RECIPIENT_DOMAIN,
  };
}

/** Creates a clock that starts at `start` and moves `stepMs` per read. */
export function steppingClock(start: number, stepMs = 1_000) {
  let now = start - stepMs;
  return () => {
    now += stepMs;
    return now;
  };
}

/** Creates metrics that write nothing, so test output stays readable. */
export function silentMetrics(): Metrics {
  const previous = process.env.POWERTOOLS_METRICS_DISABLED;
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  try {
    return createMetrics(SERVICE_NAME);
  } finally {
    if (previous === undefined) delete process.env.POWERTOOLS_METRICS_DISABLED;
    else process.env.POWERTOOLS_METRICS_DISABLED = previous;
  }
}

export function silentLogger(): Logger {
  return new Logger({ serviceName: SERVICE_NAME, logLevel: 'SILENT' });
}

/**
 * Builds dependencies on a test DocumentClient with the outbox provider,
 * a quiet logger and metrics, and retries of unprocessed items without
 * waiting.
 */
export function testDependencies(
  database: {
    tables: Config['tables'];
    documentClient: DynamoDBDocumentClient;
  },
  overrides: Partial<Dependencies> = {},
): Dependencies {
  return createDependencies({
    config: testConfig(database.tables),
    documentClient: database.documentClient,
    logger: silentLogger(),
    metrics: silentMetrics(),
    clock: steppingClock(Date.parse('2025-12-04T08:00:00.000Z')),
    batchWriteOptions: { sleep: async () => undefined },
    ...overrides,
  });
}
