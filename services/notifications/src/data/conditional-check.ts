import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/** True when a write was rejected because its condition did not hold. */
export function isConditionalCheckFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException;
}
