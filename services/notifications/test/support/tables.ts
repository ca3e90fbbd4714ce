import path from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@retail/shared';
import {
  createTablesFromTemplate,
  dynamoClientFor,
  readPackagedTemplate,
  type StandIn,
  startDynalite,
} from '@retail/testing';
import type { Config } from '../../src/config';

const SERVICE_DIR = path.join(__dirname, '../..');

/** dynalite with this service's tables, created from its packaged template. */
export interface TestDatabase {
  dynalite: StandIn;
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
  tables: Config['tables'];
}

export async function startDatabase(): Promise<TestDatabase> {
  const dynalite = await startDynalite();
  const client = dynamoClientFor(dynalite.endpoint);
  const names = await createTablesFromTemplate(
    readPackagedTemplate(SERVICE_DIR),
    client,
  );

  return {
    dynalite,
    client,
    documentClient: createDocumentClient(client),
    tables: {
      deliveries: tableName(names, 'DeliveriesTable'),
      log: tableName(names, 'LogTable'),
      outbox: tableName(names, 'OutboxTable'),
    },
  };
}

function tableName(names: Record<string, string>, logicalId: string) {
  const name = names[logicalId];
  if (!name) throw new Error(`the packaged template has no ${logicalId}`);
  return name;
}

export async function stopDatabase(database: TestDatabase): Promise<void> {
  database.client.destroy();
  await database.dynalite.stop();
}

/**
 * Opens the database through a new SDK client, whose middleware stack and
 * injected faults no other test shares. The caller destroys the client.
 */
export function withOwnClient(database: TestDatabase): TestDatabase {
  const client = dynamoClientFor(database.dynalite.endpoint);
  return { ...database, client, documentClient: createDocumentClient(client) };
}

export async function outboxMessages(database: TestDatabase, orderId: string) {
  const { Items = [] } = await database.documentClient.send(
    new ScanCommand({
      TableName: database.tables.outbox,
      FilterExpression: 'orderId = :orderId',
      ExpressionAttributeValues: { ':orderId': orderId },
    }),
  );
  return Items;
}

export async function logEntries(database: TestDatabase, orderId: string) {
  const { Items = [] } = await database.documentClient.send(
    new QueryCommand({
      TableName: database.tables.log,
      KeyConditionExpression: 'orderId = :orderId',
      ExpressionAttributeValues: { ':orderId': orderId },
    }),
  );
  return Items;
}

export async function deliveryOf(database: TestDatabase, eventId: string) {
  const { Item } = await database.documentClient.send(
    new GetCommand({
      TableName: database.tables.deliveries,
      Key: { eventId },
      ConsistentRead: true,
    }),
  );
  return Item;
}
