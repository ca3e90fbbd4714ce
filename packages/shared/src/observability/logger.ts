import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Creates the JSON logger of a service. The level comes from
 * POWERTOOLS_LOG_LEVEL (set per stage in serverless.yml), INFO otherwise.
 */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName });
}
