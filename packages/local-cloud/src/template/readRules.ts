import { TemplateError } from '../errors';
import { eventBusNameFromReference } from './arn';
import type {
  IntrinsicResolver,
  TemplateResourceEntry,
} from './IntrinsicResolver';

/** An AWS::Events::Rule with an event pattern. */
export interface RuleSpec {
  logicalId: string;
  name: string;
  eventBusName: string;
  /** Undefined for schedule-only rules, which the local cloud skips. */
  eventPattern: Record<string, unknown> | undefined;
  enabled: boolean;
  targets: RuleTargetSpec[];
}

export interface RuleTargetSpec {
  id: string;
  arn: string;
  /** SqsParameters.MessageGroupId, for FIFO queue targets. */
  messageGroupId: string | undefined;
  /** Input, InputPath or InputTransformer, which the local cloud ignores. */
  transformsInput: boolean;
}

/** Reads every rule of a template. */
export function readRules(resolver: IntrinsicResolver): RuleSpec[] {
  return resolver
    .includedResources('AWS::Events::Rule')
    .map((entry) => readRule(resolver, entry));
}

function readRule(
  resolver: IntrinsicResolver,
  { logicalId, properties }: TemplateResourceEntry,
): RuleSpec {
  const bus = resolver.resolve(properties.EventBusName) ?? 'default';
  const state = resolver.resolve(properties.State) ?? 'ENABLED';
  const targets = resolver.resolve(properties.Targets) ?? [];

  return {
    logicalId,
    name: resolver.physicalName(logicalId),
    eventBusName: eventBusNameFromReference(String(bus)),
    eventPattern: readPattern(
      logicalId,
      resolver.resolve(properties.EventPattern),
    ),
    enabled: state === 'ENABLED',
    targets: (targets as Record<string, unknown>[]).map(readTarget),
  };
}

function readPattern(
  logicalId: string,
  value: unknown,
): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;

  const pattern = typeof value === 'string' ? JSON.parse(value) : value;
  if (
    pattern === null ||
    typeof pattern !== 'object' ||
    Array.isArray(pattern)
  ) {
    throw new TemplateError(
      `${logicalId} EventPattern must be a JSON object, got ${JSON.stringify(value)}`,
      { logicalId },
    );
  }
  return pattern as Record<string, unknown>;
}

function readTarget(target: Record<string, unknown>): RuleTargetSpec {
  const sqs = target.SqsParameters as { MessageGroupId?: unknown } | undefined;
  return {
    id: String(target.Id),
    arn: String(target.Arn),
    messageGroupId:
      sqs?.MessageGroupId === undefined
        ? undefined
        : String(sqs.MessageGroupId),
    transformsInput:
      target.Input !== undefined ||
      target.InputPath !== undefined ||
      target.InputTransformer !== undefined,
  };
}
