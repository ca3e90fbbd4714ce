import type { DeployedStack } from './deployStacks';
import type { EventBus, QueueTarget } from './eventbridge/EventBus';
import { validateEventPattern } from './eventbridge/matchEventPattern';
import type { Logger } from './logger';
import type { QueueRegistry } from './QueueRegistry';
import { queueNameFromArn } from './template/arn';
import type { RuleSpec } from './template/readRules';

/**
 * Adds every enabled rule with an event pattern to the event bus. Targets
 * must be queues of one of the running stacks; other targets are logged
 * and skipped.
 */
export function registerRules(
  stacks: DeployedStack[],
  queues: QueueRegistry,
  bus: EventBus,
  log: Logger,
): void {
  for (const stack of stacks) {
    for (const rule of stack.rules) {
      registerRule(stack.service.name, rule, queues, bus, log);
    }
  }
}

function registerRule(
  service: string,
  rule: RuleSpec,
  queues: QueueRegistry,
  bus: EventBus,
  log: Logger,
): void {
  if (!rule.enabled || !rule.eventPattern) {
    log.debug('rule not run locally: disabled or schedule only', {
      service,
      rule: rule.name,
    });
    return;
  }
  validateEventPattern(rule.eventPattern, rule.name);

  const targets = rule.targets.flatMap((target): QueueTarget[] => {
    const queue = queues.get(queueNameFromArn(target.arn) ?? '');
    if (!queue) {
      log.warn(
        'rule target skipped: only queues of running stacks are supported',
        {
          service,
          rule: rule.name,
          target: target.arn,
        },
      );
      return [];
    }
    if (target.transformsInput) {
      log.warn(
        'rule target input transformation is ignored; the whole event is sent',
        {
          service,
          rule: rule.name,
          target: target.id,
        },
      );
    }
    return [
      { queueUrl: queue.queueUrl, messageGroupId: target.messageGroupId },
    ];
  });

  bus.addRule({
    name: rule.name,
    eventBusName: rule.eventBusName,
    eventPattern: rule.eventPattern,
    targets,
  });
}
