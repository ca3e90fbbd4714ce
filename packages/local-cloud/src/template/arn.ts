import { ACCOUNT_ID, PARTITION, REGION } from '../awsConstants';

export function queueArn(queueName: string): string {
  return `arn:${PARTITION}:sqs:${REGION}:${ACCOUNT_ID}:${queueName}`;
}

export function tableArn(tableName: string): string {
  return `arn:${PARTITION}:dynamodb:${REGION}:${ACCOUNT_ID}:table/${tableName}`;
}

export function functionArn(functionName: string): string {
  return `arn:${PARTITION}:lambda:${REGION}:${ACCOUNT_ID}:function:${functionName}`;
}

export function ruleArn(ruleName: string, eventBusName: string): string {
  const path =
    eventBusName === 'default' ? ruleName : `${eventBusName}/${ruleName}`;
  return `arn:${PARTITION}:events:${REGION}:${ACCOUNT_ID}:rule/${path}`;
}

/** Returns the queue name of an SQS queue ARN, or undefined for others. */
export function queueNameFromArn(arn: string): string | undefined {
  const parts = arn.split(':');
  if (parts.length !== 6 || parts[2] !== 'sqs') return undefined;
  return parts[5];
}

/**
 * Returns the function name from any form Lambda accepts as FunctionName:
 * a name, a name with a qualifier, a full ARN with or without a version or
 * alias, or a partial ARN (`123456789012:function:name`). Integration URIs
 * of API Gateway (`.../functions/<function ARN>/invocations`) work too.
 */
export function functionNameFromReference(reference: string): string {
  const match = /(?:^|:)function:([^:/]+)/.exec(reference);
  if (match?.[1]) return match[1];

  const [name] = reference.split(':');
  return name ?? reference;
}

/** Returns the bus name of an event bus name or ARN. */
export function eventBusNameFromReference(reference: string): string {
  const marker = ':event-bus/';
  const at = reference.indexOf(marker);
  return at === -1 ? reference : reference.slice(at + marker.length);
}
