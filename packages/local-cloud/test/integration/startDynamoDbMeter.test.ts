import { crc32 } from 'node:zlib';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { createDynamoDbClient } from '../../src/aws/createClients';
import { silentLogger } from '../../src/logger';
import { type StandIn, startDynalite } from '../../src/servers/startDynalite';
import {
  type DynamoDbMeter,
  startDynamoDbMeter,
} from '../../src/servers/startDynamoDbMeter';

const TABLE = 'meter-test';
const OTHER_TABLE = 'meter-other';

describe('startDynamoDbMeter', () => {
  let dynalite: StandIn;
  let proxy: DynamoDbMeter;
  let client: DynamoDBClient;

  beforeAll(async () => {
    dynalite = await startDynalite();
    proxy = await startDynamoDbMeter({
      port: 0,
      target: dynalite.endpoint,
      log: silentLogger,
    });
    client = createDynamoDbClient(proxy.endpoint);
    for (const TableName of [TABLE, OTHER_TABLE]) {
      await client.send(
        new CreateTableCommand({
          TableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
        }),
      );
    }
  });

  afterAll(async () => {
    client.destroy();
    await proxy.stop();
    await dynalite.stop();
  });

  const item = (sk: string) => ({ pk: { S: 'p' }, sk: { S: sk } });

  it('strips capacity the caller did not request', async () => {
    const before = proxy.meter.usage().tables[TABLE]?.writeCapacityUnits ?? 0;

    const output = await client.send(
      new PutItemCommand({ TableName: TABLE, Item: item('a') }),
    );

    expect(output.ConsumedCapacity).toBeUndefined();
    expect(proxy.meter.usage().tables[TABLE]?.writeCapacityUnits).toBe(
      before + 1,
    );
  });

  it('returns requested TOTAL capacity', async () => {
    const output = await client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: item('b'),
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );

    expect(output.ConsumedCapacity).toEqual({
      TableName: TABLE,
      CapacityUnits: 1,
    });
  });

  it('keeps requested INDEXES capacity', async () => {
    const output = await client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: item('c'),
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );

    expect(output.ConsumedCapacity?.Table).toEqual({ CapacityUnits: 1 });
  });

  it('halves eventually consistent reads', async () => {
    const before = proxy.meter.usage().tables[TABLE]?.readCapacityUnits ?? 0;

    await client.send(new GetItemCommand({ TableName: TABLE, Key: item('a') }));
    await client.send(
      new GetItemCommand({
        TableName: TABLE,
        Key: item('a'),
        ConsistentRead: true,
      }),
    );

    expect(proxy.meter.usage().tables[TABLE]?.readCapacityUnits).toBe(
      before + 1.5,
    );
  });

  it('meters Query, Scan, UpdateItem and DeleteItem', async () => {
    const before = proxy.meter.usage();

    await client.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'p' } },
      }),
    );
    await client.send(new ScanCommand({ TableName: TABLE }));
    await client.send(
      new UpdateItemCommand({
        TableName: TABLE,
        Key: item('a'),
        UpdateExpression: 'SET n = :n',
        ExpressionAttributeValues: { ':n': { N: '1' } },
      }),
    );
    await client.send(
      new DeleteItemCommand({ TableName: TABLE, Key: item('c') }),
    );

    const after = proxy.meter.usage();
    expect(after.tables[TABLE]?.readCapacityUnits).toBe(
      (before.tables[TABLE]?.readCapacityUnits ?? 0) + 1,
    );
    expect(after.tables[TABLE]?.writeCapacityUnits).toBe(
      (before.tables[TABLE]?.writeCapacityUnits ?? 0) + 2,
    );
  });

  it('splits batch capacity by table', async () => {
    const before = proxy.meter.usage();

    await client.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [TABLE]: [
            { PutRequest: { Item: item('d') } },
            { PutRequest: { Item: item('e') } },
          ],
          [OTHER_TABLE]: [{ PutRequest: { Item: item('x') } }],
        },
      }),
    );
    const output = await client.send(
      new BatchGetItemCommand({
        RequestItems: {
          [TABLE]: { Keys: [item('d'), item('e')] },
          [OTHER_TABLE]: { Keys: [item('x')] },
        },
      }),
    );

    const after = proxy.meter.usage();
    expect(output.ConsumedCapacity).toBeUndefined();
    expect(after.tables[TABLE]?.writeCapacityUnits).toBe(
      (before.tables[TABLE]?.writeCapacityUnits ?? 0) + 2,
    );
    expect(after.tables[OTHER_TABLE]?.writeCapacityUnits).toBe(
      (before.tables[OTHER_TABLE]?.writeCapacityUnits ?? 0) + 1,
    );
    expect(after.tables[TABLE]?.readCapacityUnits).toBe(
      (before.tables[TABLE]?.readCapacityUnits ?? 0) + 1,
    );
    expect(after.tables[OTHER_TABLE]?.readCapacityUnits).toBe(
      (before.tables[OTHER_TABLE]?.readCapacityUnits ?? 0) + 0.5,
    );
  });

  it('counts requests per operation', () => {
    const { requests } = proxy.meter.usage();

    expect(requests.CreateTable).toBe(2);
    expect(requests.PutItem).toBe(3);
    expect(requests.GetItem).toBe(2);
    expect(requests.BatchWriteItem).toBe(1);
  });

  it('checksums the rewritten body', async () => {
    const response = await fetch(proxy.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.GetItem',
        authorization:
          'AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x',
        'x-amz-date': '20200101T000000Z',
      },
      body: JSON.stringify({ TableName: TABLE, Key: item('a') }),
    });
    const body = Buffer.from(await response.arrayBuffer());

    expect(JSON.parse(body.toString())).not.toHaveProperty('ConsumedCapacity');
    expect(response.headers.get('x-amz-crc32')).toBe(String(crc32(body)));
  });

  it('passes errors through unchanged', async () => {
    await expect(
      client.send(new GetItemCommand({ TableName: 'missing', Key: item('a') })),
    ).rejects.toThrow('Requested resource not found');
  });
});
