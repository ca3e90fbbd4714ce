import { TemplateError } from '../errors';
import { queueNameFromArn } from './arn';
import type {
  IntrinsicResolver,
  TemplateResourceEntry,
} from './IntrinsicResolver';

/** An AWS::SQS::Queue as a CreateQueue request. */
export interface QueueSpec {
  logicalId: string;
  queueName: string;
  attributes: Record<string, string>;
  tags: Record<string, string>;
  /** The queue named by RedrivePolicy.deadLetterTargetArn. */
  deadLetterQueueName: string | undefined;
}

/** The AWS::SQS::Queue properties that are SQS queue attributes. */
const ATTRIBUTE_PROPERTIES = [
  'ContentBasedDeduplication',
  'DeduplicationScope',
  'DelaySeconds',
  'FifoQueue',
  'FifoThroughputLimit',
  'KmsDataKeyReusePeriodSeconds',
  'KmsMasterKeyId',
  'MaximumMessageSize',
  'MessageRetentionPeriod',
  'ReceiveMessageWaitTimeSeconds',
  'RedriveAllowPolicy',
  'SqsManagedSseEnabled',
  'VisibilityTimeout',
];

/** Reads every queue of a template, dead-letter queues first. */
export function readQueues(resolver: IntrinsicResolver): QueueSpec[] {
  const queues = resolver
    .includedResources('AWS::SQS::Queue')
    .map((entry) => readQueue(resolver, entry));
  return orderDeadLetterQueuesFirst(queues);
}

function readQueue(
  resolver: IntrinsicResolver,
  { logicalId, properties }: TemplateResourceEntry,
): QueueSpec {
  const attributes: Record<string, string> = {};
  for (const key of ATTRIBUTE_PROPERTIES) {
    const value = resolver.resolve(properties[key]);
    if (value !== undefined) attributes[key] = attributeValue(value);
  }

  const redrive = readRedrivePolicy(
    logicalId,
    resolver.resolve(properties.RedrivePolicy),
  );
  if (redrive) attributes.RedrivePolicy = JSON.stringify(redrive.policy);

  return {
    logicalId,
    queueName: resolver.physicalName(logicalId),
    attributes,
    tags: readTags(resolver.resolve(properties.Tags)),
    deadLetterQueueName: redrive?.deadLetterQueueName,
  };
}

function readRedrivePolicy(logicalId: string, value: unknown) {
  if (value === undefined) return undefined;

  const policy = (
    typeof value === 'string' ? JSON.parse(value) : value
  ) as Record<string, unknown>;
  const arn = String(policy.deadLetterTargetArn);
  const deadLetterQueueName = queueNameFromArn(arn);
  const maxReceiveCount = Number(policy.maxReceiveCount);
  if (!deadLetterQueueName || !Number.isInteger(maxReceiveCount)) {
    throw new TemplateError(
      `${logicalId} RedrivePolicy needs a queue ARN as deadLetterTargetArn and an integer maxReceiveCount, got ${JSON.stringify(policy)}`,
      { logicalId },
    );
  }
  return {
    policy: { deadLetterTargetArn: arn, maxReceiveCount },
    deadLetterQueueName,
  };
}

function attributeValue(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function readTags(value: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  if (!Array.isArray(value)) return tags;
  for (const tag of value as { Key?: unknown; Value?: unknown }[]) {
    tags[String(tag.Key)] = String(tag.Value);
  }
  return tags;
}

/**
 * Orders queues so that each dead-letter queue comes before the queues that
 * redrive to it, because SQS rejects a RedrivePolicy naming a missing queue.
 */
function orderDeadLetterQueuesFirst(queues: QueueSpec[]): QueueSpec[] {
  const names = new Set(queues.map((queue) => queue.queueName));
  const ordered: QueueSpec[] = [];
  const placed = new Set<string>();
  let pending = queues;

  while (pending.length > 0) {
    const ready = pending.filter(
      ({ deadLetterQueueName: target }) =>
        !target || !names.has(target) || placed.has(target),
    );
    if (ready.length === 0) {
      const cycle = pending.map((queue) => queue.logicalId).join(', ');
      throw new TemplateError(`queues redrive to each other: ${cycle}`);
    }
    for (const queue of ready) placed.add(queue.queueName);
    ordered.push(...ready);
    pending = pending.filter((queue) => !ready.includes(queue));
  }
  return ordered;
}
