import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** CloudWatch namespace of every metric the platform emits. */
export const METRICS_NAMESPACE = 'RetailPlatform';

/** Names of the metrics the queue consumers emit per function version. */
export const CONSUMER_METRICS = {
  recordsProcessed: 'RecordsProcessed',
  recordsFailed: 'RecordsFailed',
} as const;

/**
 * Dimensions of the consumer metrics, the same three that AWS/Lambda uses
 * for a call through an alias. The canary alarms of a release filter on
 * them, so they must match the alarm's dimensions exactly: an extra
 * dimension such as `service` would make a different metric that no alarm
 * reads.
 */
export const VERSION_DIMENSIONS = [
  'FunctionName',
  'Resource',
  'ExecutedVersion',
] as const;

/**
 * Returns the version dimensions of one invocation. `Resource` is
 * `<function>:<alias>` when the caller named an alias or version, as the
 * event source mapping does with `Live`, and the bare function name when
 * it did not.
 */
export function versionDimensions(context: {
  functionName?: string;
  functionVersion?: string;
  invokedFunctionArn?: string;
}): Record<(typeof VERSION_DIMENSIONS)[number], string> {
  // `sls invoke local` passes a context without an ARN and may leave out
  // the name, so each field falls back instead of throwing.
  const functionName =
    context.functionName ||
    process.env.AWS_LAMBDA_FUNCTION_NAME ||
    'unknown-function';
  // arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]
  const qualifier = context.invokedFunctionArn?.split(':')[7];
  return {
    FunctionName: functionName,
    Resource: qualifier ? `${functionName}:${qualifier}` : functionName,
    ExecutedVersion: context.functionVersion || '$LATEST',
  };
}

/**
 * Creates the metrics emitter of a service. Metrics are written to stdout
 * in CloudWatch embedded metric format, so no API call is made.
 */
export function createMetrics(serviceName: string): Metrics {
  return new Metrics({ namespace: METRICS_NAMESPACE, serviceName });
}

export { MetricUnit };
