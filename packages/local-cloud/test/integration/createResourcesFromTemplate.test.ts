import {
  DescribeTableCommand,
  type DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  createDynamoDbClient,
  createSqsClient,
} from '../../src/aws/createClients';
import { ImportValueError, TemplateError } from '../../src/errors';
import { type StandIn, startDynalite } from '../../src/servers/startDynalite';
import { startSqs } from '../../src/servers/startSqs';
import {
  type CreatedResources,
  createResourcesFromTemplate,
} from '../../src/template/createResourcesFromTemplate';
import { readFixtureTemplate } from '../helpers/fixtureRepo';

describe('createResourcesFromTemplate', () => {
  let dynalite: StandIn;
  let sqs: StandIn;
  let dynamodb: DynamoDBClient;
  let sqsClient: SQSClient;
  let created: CreatedResources;

  beforeAll(async () => {
    dynalite = await startDynalite();
    sqs = await startSqs();
    dynamodb = createDynamoDbClient(dynalite.endpoint);
    sqsClient = createSqsClient(sqs.endpoint);
    created = await createResourcesFromTemplate(
      readFixtureTemplate(),
      { dynamodb: dynalite.endpoint, sqs: sqs.endpoint },
      { stackName: 'fixture-shop-local' },
    );
  });

  afterAll(async () => {
    dynamodb.destroy();
    sqsClient.destroy();
    await dynalite.stop();
    await sqs.stop();
  });

  async function describeTable(tableName: string) {
    const { Table } = await dynamodb.send(
      new DescribeTableCommand({ TableName: tableName }),
    );
    if (!Table) throw new Error(`table ${tableName} not found`);
    return Table;
  }

  async function queueAttributes(logicalId: string) {
    const queue = created.queues[logicalId];
    if (!queue) throw new Error(`queue ${logicalId} not created`);
    const { Attributes } = await sqsClient.send(
      new GetQueueAttributesCommand({
        QueueUrl: queue.queueUrl,
        AttributeNames: ['All'],
      }),
    );
    return Attributes ?? {};
  }

  describe('tables', () => {
    it('creates the included tables only', async () => {
      const { TableNames } = await dynamodb.send(new ListTablesCommand({}));

      expect(TableNames?.sort()).toEqual([
        'fixture-shop-local-orders',
        'fixture-shop-local-products',
      ]);
      expect(Object.keys(created.tables).sort()).toEqual([
        'OrdersTable',
        'ProductsTable',
      ]);
    });

    it('returns table names and ARNs by logical id', () => {
      expect(created.tables.ProductsTable).toEqual({
        tableName: 'fixture-shop-local-products',
        tableArn:
          'arn:aws:dynamodb:us-east-1:000000000000:table/fixture-shop-local-products',
      });
    });

    it('creates keys and attribute definitions', async () => {
      const table = await describeTable('fixture-shop-local-products');

      expect(table.TableStatus).toBe('ACTIVE');
      expect(table.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      expect(table.AttributeDefinitions).toHaveLength(4);
    });

    it('creates on-demand tables with their indexes', async () => {
      const table = await describeTable('fixture-shop-local-products');

      expect(table.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.GlobalSecondaryIndexes?.[0]).toMatchObject({
        IndexName: 'byCategory',
        KeySchema: [
          { AttributeName: 'category', KeyType: 'HASH' },
          { AttributeName: 'pk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      });
      expect(table.LocalSecondaryIndexes?.[0]).toMatchObject({
        IndexName: 'byPrice',
        Projection: { ProjectionType: 'KEYS_ONLY' },
      });
    });

    it('creates provisioned throughput', async () => {
      const table = await describeTable('fixture-shop-local-orders');

      expect(table.ProvisionedThroughput).toMatchObject({
        ReadCapacityUnits: 5,
        WriteCapacityUnits: 3,
      });
      expect(table.GlobalSecondaryIndexes?.[0]).toMatchObject({
        IndexName: 'byCustomer',
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['total'] },
        ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 1 },
      });
    });
  });

  describe('queues', () => {
    it('creates every queue with its resolved name', () => {
      expect(Object.keys(created.queues).sort()).toEqual([
        'PartialDeadLetterQueue',
        'PartialQueue',
        'ThrowingDeadLetterQueue',
        'ThrowingQueue',
        'UnknownIdDeadLetterQueue',
        'UnknownIdQueue',
        'WrongKeyQueue',
      ]);
      expect(created.queues.PartialQueue).toEqual({
        queueName: 'fixture-shop-local-partial',
        queueUrl: `${sqs.endpoint}/000000000000/fixture-shop-local-partial`,
        queueArn:
          'arn:aws:sqs:us-east-1:000000000000:fixture-shop-local-partial',
        deadLetterQueueName: 'fixture-shop-local-partial-dlq',
      });
    });

    it('sets the queue attributes', async () => {
      const attributes = await queueAttributes('PartialQueue');

      expect(attributes.VisibilityTimeout).toBe('30');
      expect(attributes.MessageRetentionPeriod).toBe('345600');
    });

    it('creates the redrive policy', async () => {
      const attributes = await queueAttributes('PartialQueue');

      expect(JSON.parse(attributes.RedrivePolicy ?? '{}')).toEqual({
        deadLetterTargetArn:
          'arn:aws:sqs:us-east-1:000000000000:fixture-shop-local-partial-dlq',
        maxReceiveCount: 2,
      });
    });
  });

  describe('functions', () => {
    it('resolves function environment variables', () => {
      expect(created.functions.HttpLambdaFunction?.environment).toEqual({
        SHARED_SETTING: 'same',
        TABLE_NAME: 'fixture-shop-local-products',
        QUEUE_URL: `${sqs.endpoint}/000000000000/fixture-shop-local-partial`,
        STAGE: 'local',
      });
    });

    it('reads handler, timeout and memory size', () => {
      expect(created.functions.HttpLambdaFunction).toMatchObject({
        functionName: 'fixture-shop-local-http',
        handler: 'src/handlers/http.handler',
        timeoutSeconds: 1,
        memorySizeMb: 512,
      });
    });

    it('leaves out functions whose condition is false', () => {
      expect(created.functions.ExtraLambdaFunction).toBeUndefined();
    });
  });

  describe('errors', () => {
    it('rejects Fn::ImportValue', async () => {
      const template = {
        Resources: {
          Queue: {
            Type: 'AWS::SQS::Queue',
            Properties: {
              QueueName: { 'Fn::ImportValue': 'orders-QueueName' },
            },
          },
        },
      };

      await expect(
        createResourcesFromTemplate(template, {
          dynamodb: dynalite.endpoint,
          sqs: sqs.endpoint,
        }),
      ).rejects.toThrow(ImportValueError);
    });

    it('rejects an existing table', async () => {
      const template = {
        Resources: {
          ProductsTable: readFixtureTemplate().Resources.ProductsTable ?? {
            Type: '',
          },
        },
      };

      await expect(
        createResourcesFromTemplate(
          template,
          { dynamodb: dynalite.endpoint, sqs: sqs.endpoint },
          { stackName: 'fixture-shop-local' },
        ),
      ).rejects.toThrow(TemplateError);
    });
  });
});
