import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { DeployedStack } from './deployStacks';
import { ConfigurationError } from './errors';
import type { LambdaRuntime } from './lambda/LambdaRuntime';
import type { Logger } from './logger';
import type { QueueRegistry } from './QueueRegistry';
import { EventSourceMappingPoller } from './sqs/EventSourceMappingPoller';
import type { StandIns } from './startStandIns';
import type { EventSourceMappingSpec } from './template/readEventSourceMappings';

export interface PollerContext {
  queues: QueueRegistry;
  runtime: LambdaRuntime;
  standIns: StandIns;
  /** Replaces every queue's VisibilityTimeout on receive, for tests. */
  visibilityTimeoutOverrideSeconds: number | undefined;
  log: Logger;
}

/**
 * Creates a poller for every enabled SQS event source mapping, after
 * checking its queue and function as Lambda does when the mapping is
 * created.
 */
export async function createPollers(
  stacks: DeployedStack[],
  context: PollerContext,
): Promise<EventSourceMappingPoller[]> {
  const pollers: EventSourceMappingPoller[] = [];
  for (const stack of stacks) {
    for (const mapping of stack.mappings) {
      const poller = await createPoller(stack, mapping, context);
      if (poller) pollers.push(poller);
    }
  }
  return pollers;
}

async function createPoller(
  stack: DeployedStack,
  mapping: EventSourceMappingSpec,
  context: PollerContext,
): Promise<EventSourceMappingPoller | undefined> {
  const service = stack.service.name;
  if (!mapping.enabled || !mapping.queueName) {
    context.log.warn(
      'event source mapping not run locally: disabled or not an SQS queue',
      {
        service,
        mapping: mapping.logicalId,
        eventSourceArn: mapping.eventSourceArn,
      },
    );
    return undefined;
  }

  const queue = context.queues.get(mapping.queueName);
  const fn = Object.values(stack.created.functions).find(
    (candidate) => candidate.functionName === mapping.functionName,
  );
  if (!queue || !fn || !context.runtime.has(mapping.functionName)) {
    const missing = queue
      ? `function ${mapping.functionName}`
      : `queue ${mapping.queueName}`;
    throw new ConfigurationError(
      `event source mapping ${mapping.logicalId} of ${service} needs ${missing}, which is not part of the running stacks`,
    );
  }

  const visibilityTimeout = await readVisibilityTimeout(
    context.standIns,
    queue.queueUrl,
  );
  if (visibilityTimeout < fn.timeoutSeconds) {
    throw new ConfigurationError(
      `queue ${queue.queueName} has VisibilityTimeout ${visibilityTimeout} s, less than the ${fn.timeoutSeconds} s Timeout of ${fn.functionName}; Lambda rejects such an event source mapping`,
    );
  }

  return new EventSourceMappingPoller({
    mapping,
    queueUrl: queue.queueUrl,
    visibilityTimeoutSeconds:
      context.visibilityTimeoutOverrideSeconds ?? visibilityTimeout,
    sqs: context.standIns.meteredSqs,
    invoke: (name, event) => context.runtime.invoke(name, event),
    log: context.log,
  });
}

async function readVisibilityTimeout(
  standIns: StandIns,
  queueUrl: string,
): Promise<number> {
  const { Attributes } = await standIns.internalSqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['VisibilityTimeout'],
    }),
  );
  return Number(Attributes?.VisibilityTimeout ?? 30);
}
