import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Creates the JSON logger of a service. The level comes from
 * POWERTOOLS_LOG_LEVEL (set per stage in serverless.yml), INFO otherwise.
 *
 * Lambda's own log filter stays at INFO on every stage, so that metric
 * lines, which carry no level, reach CloudWatch. Lambda exposes that
 * filter as AWS_LAMBDA_LOG_LEVEL, and Powertools would take it over
 * POWERTOOLS_LOG_LEVEL, so the variable is removed before the logger
 * reads it.
 */
export function createLogger(serviceName: string): Logger {
  delete process.env.AWS_LAMBDA_LOG_LEVEL;
  return new Logger({ serviceName });
}
