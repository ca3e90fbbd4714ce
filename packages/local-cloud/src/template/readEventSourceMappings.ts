import { functionNameFromReference, queueNameFromArn } from './arn';
import type {
  IntrinsicResolver,
  TemplateResourceEntry,
} from './IntrinsicResolver';

/** An AWS::Lambda::EventSourceMapping, with Lambda's defaults applied. */
export interface EventSourceMappingSpec {
  logicalId: string;
  functionName: string;
  eventSourceArn: string;
  /** The queue name, or undefined when the source is not an SQS queue. */
  queueName: string | undefined;
  batchSize: number;
  maximumBatchingWindowSeconds: number;
  reportBatchItemFailures: boolean;
  /** ScalingConfig.MaximumConcurrency, when the template sets it. */
  maximumConcurrency: number | undefined;
  enabled: boolean;
}

/** Lambda's default batch size for SQS event sources. */
const DEFAULT_BATCH_SIZE = 10;

/** Reads every event source mapping of a template. */
export function readEventSourceMappings(
  resolver: IntrinsicResolver,
): EventSourceMappingSpec[] {
  return resolver
    .includedResources('AWS::Lambda::EventSourceMapping')
    .map((entry) => readMapping(resolver, entry));
}

function readMapping(
  resolver: IntrinsicResolver,
  { logicalId, properties }: TemplateResourceEntry,
): EventSourceMappingSpec {
  const resolved = (key: string) => resolver.resolve(properties[key]);
  const eventSourceArn = resolver.resolveString(
    properties.EventSourceArn,
    `${logicalId}.EventSourceArn`,
  );
  const functionReference = resolver.resolveString(
    properties.FunctionName,
    `${logicalId}.FunctionName`,
  );
  const responseTypes = resolved('FunctionResponseTypes');
  const scaling = resolved('ScalingConfig') as
    | { MaximumConcurrency?: unknown }
    | undefined;
  const enabled = resolved('Enabled');

  return {
    logicalId,
    functionName: functionNameFromReference(functionReference),
    eventSourceArn,
    queueName: queueNameFromArn(eventSourceArn),
    batchSize: Number(resolved('BatchSize') ?? DEFAULT_BATCH_SIZE),
    maximumBatchingWindowSeconds: Number(
      resolved('MaximumBatchingWindowInSeconds') ?? 0,
    ),
    reportBatchItemFailures:
      Array.isArray(responseTypes) &&
      responseTypes.includes('ReportBatchItemFailures'),
    maximumConcurrency:
      scaling?.MaximumConcurrency === undefined
        ? undefined
        : Number(scaling.MaximumConcurrency),
    enabled: enabled !== false && enabled !== 'false',
  };
}
