import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  type TranslateConfig,
} from '@aws-sdk/lib-dynamodb';

/** A DocumentClient for assertions, with the platform's marshall options. */
export function createDocumentClientForTests(
  client: DynamoDBClient,
): DynamoDBDocumentClient {
  const translate: TranslateConfig = {
    marshallOptions: {
      removeUndefinedValues: true,
      convertClassInstanceToMap: false,
    },
  };
  return DynamoDBDocumentClient.from(client, translate);
}
