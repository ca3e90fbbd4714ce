import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Creates the DocumentClient every service uses. Class instances such as
 * Date are rejected instead of being stored as empty maps, and undefined
 * attributes are dropped, so an item is stored as written or not at all.
 */
export function createDocumentClient(
  client: DynamoDBClient = new DynamoDBClient({}),
): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: {
      removeUndefinedValues: true,
      convertClassInstanceToMap: false,
      convertEmptyValues: false,
    },
  });
}
