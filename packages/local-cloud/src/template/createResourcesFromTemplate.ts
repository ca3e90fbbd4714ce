import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { createDynamoDbClient, createSqsClient } from '../aws/createClients';
import { ACCOUNT_ID } from '../awsConstants';
import { TemplateError } from '../errors';
import { type Logger, silentLogger } from '../logger';
import { queueArn, tableArn } from './arn';
import type { CloudFormationTemplate } from './CloudFormationTemplate';
import { IntrinsicResolver } from './IntrinsicResolver';
import { type FunctionSpec, readFunctions } from './readFunctions';
import { type QueueSpec, readQueues } from './readQueues';
import { readTables, type TableSpec } from './readTables';

export interface ResourceEndpoints {
  dynamodb: string;
  sqs: string;
}

export interface CreateResourcesOptions {
  /** The value of AWS::StackName. Default `local`. */
  stackName?: string;
  /** Values of template parameters, overriding their defaults. */
  parameters?: Record<string, string>;
  /** Clients to create the resources with, instead of new ones. */
  clients?: { dynamodb?: DynamoDBClient; sqs?: SQSClient };
  log?: Logger;
}

export interface CreatedTable {
  tableName: string;
  tableArn: string;
}

export interface CreatedQueue {
  queueName: string;
  queueUrl: string;
  queueArn: string;
  /** The name of the queue that RedrivePolicy moves failed messages to. */
  deadLetterQueueName: string | undefined;
}

/** The resources created, by logical id, and a resolver for the rest. */
export interface CreatedResources {
  tables: Record<string, CreatedTable>;
  queues: Record<string, CreatedQueue>;
  /** Every function, with its environment resolved against the queues. */
  functions: Record<string, FunctionSpec>;
  resolver: IntrinsicResolver;
}

/** How long a new table may stay in CREATING. */
const TABLE_ACTIVE_TIMEOUT_MS = 30_000;
const TABLE_POLL_INTERVAL_MS = 20;

/**
 * Creates the DynamoDB tables and SQS queues of a packaged CloudFormation
 * template, dead-letter queues first, and resolves the functions'
 * environment variables against them.
 */
export async function createResourcesFromTemplate(
  template: CloudFormationTemplate,
  endpoints: ResourceEndpoints,
  options: CreateResourcesOptions = {},
): Promise<CreatedResources> {
  const log = options.log ?? silentLogger;
  const dynamodb =
    options.clients?.dynamodb ?? createDynamoDbClient(endpoints.dynamodb);
  const sqs = options.clients?.sqs ?? createSqsClient(endpoints.sqs);
  const queueUrls = new Map<string, string>();
  const resolver = new IntrinsicResolver(template, {
    stackName: options.stackName ?? 'local',
    parameters: options.parameters,
    queueUrl: (name) =>
      queueUrls.get(name) ?? `${endpoints.sqs}/${ACCOUNT_ID}/${name}`,
  });

  try {
    const tables = await createTables(dynamodb, readTables(resolver), log);
    const queues = await createQueues(sqs, readQueues(resolver), log);
    for (const queue of Object.values(queues)) {
      queueUrls.set(queue.queueName, queue.queueUrl);
    }
    const functions = byLogicalId(readFunctions(resolver));
    return { tables, queues, functions, resolver };
  } finally {
    if (!options.clients?.dynamodb) dynamodb.destroy();
    if (!options.clients?.sqs) sqs.destroy();
  }
}

async function createTables(
  client: DynamoDBClient,
  specs: TableSpec[],
  log: Logger,
): Promise<Record<string, CreatedTable>> {
  const created = await Promise.all(
    specs.map(async (spec) => {
      await createTable(client, spec, log);
      const tableName = spec.input.TableName ?? spec.logicalId;
      return [spec.logicalId, { tableName, tableArn: tableArn(tableName) }];
    }),
  );
  return Object.fromEntries(created);
}

async function createTable(
  client: DynamoDBClient,
  spec: TableSpec,
  log: Logger,
): Promise<void> {
  const tableName = spec.input.TableName;
  if (spec.ignoredProperties.length > 0) {
    log.debug('table properties not applied locally', {
      table: tableName,
      properties: spec.ignoredProperties,
    });
  }

  try {
    await client.send(new CreateTableCommand(spec.input));
  } catch (error) {
    throw new TemplateError(
      `creating table ${tableName} (${spec.logicalId}) failed: ${(error as Error).message}`,
      { cause: error, logicalId: spec.logicalId },
    );
  }
  await waitUntilActive(client, tableName ?? spec.logicalId);
  log.debug('table created', { table: tableName });
}

async function waitUntilActive(
  client: DynamoDBClient,
  tableName: string,
): Promise<void> {
  const deadline = Date.now() + TABLE_ACTIVE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { Table } = await client.send(
      new DescribeTableCommand({ TableName: tableName }),
    );
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, TABLE_POLL_INTERVAL_MS));
  }
  throw new TemplateError(
    `table ${tableName} was not ACTIVE after ${TABLE_ACTIVE_TIMEOUT_MS} ms`,
  );
}

async function createQueues(
  client: SQSClient,
  specs: QueueSpec[],
  log: Logger,
): Promise<Record<string, CreatedQueue>> {
  const created: Record<string, CreatedQueue> = {};
  for (const spec of specs) {
    created[spec.logicalId] = await createQueue(client, spec);
    log.debug('queue created', { queue: spec.queueName });
  }
  return created;
}

async function createQueue(
  client: SQSClient,
  spec: QueueSpec,
): Promise<CreatedQueue> {
  try {
    const { QueueUrl } = await client.send(
      new CreateQueueCommand({
        QueueName: spec.queueName,
        Attributes: spec.attributes,
        tags: Object.keys(spec.tags).length > 0 ? spec.tags : undefined,
      }),
    );
    return {
      queueName: spec.queueName,
      queueUrl: QueueUrl ?? '',
      queueArn: queueArn(spec.queueName),
      deadLetterQueueName: spec.deadLetterQueueName,
    };
  } catch (error) {
    throw new TemplateError(
      `creating queue ${spec.queueName} (${spec.logicalId}) failed: ${(error as Error).message}`,
      { cause: error, logicalId: spec.logicalId },
    );
  }
}

function byLogicalId<T extends { logicalId: string }>(
  items: T[],
): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.logicalId, item]));
}
