import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** CloudWatch namespace of every metric the platform emits. */
export const METRICS_NAMESPACE = 'RetailPlatform';

/** Names of the metrics the queue consumers emit per function version. */
export const CONSUMER_METRICS = {
  recordsProcessed: 'RecordsProcessed',
  recordsFailed: 'RecordsFailed',
} as const;

/**
 * Creates the metrics emitter of a service. Metrics are written to stdout
 * in CloudWatch embedded metric format, so no API call is made.
 */
export function createMetrics(serviceName: string): Metrics {
  return new Metrics({ namespace: METRICS_NAMESPACE, serviceName });
}

export { MetricUnit };
