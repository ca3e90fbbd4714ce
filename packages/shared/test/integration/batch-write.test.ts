import {
  CreateTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  dynamoClientFor,
  injectUnprocessedItems,
  requestAttribute,
  type StandIn,
  startDynalite,
} from '@retail/testing';
import { batchWriteAll, type TableWrite } from '../../src/dynamo/batch-write';
import { createDocumentClient } from '../../src/dynamo/document-client';

const TABLE = 'batch-write-test';

let dynalite: StandIn;
let client: DynamoDBClient;

beforeAll(async () => {
  dynalite = await startDynalite();
  client = dynamoClientFor(dynalite.endpoint);
  await client.send(
    new CreateTableCommand({
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }),
  );
});

afterAll(async () => {
  client.destroy();
  await dynalite.stop();
});

function puts(prefix: string, count: number): TableWrite[] {
  return Array.from({ length: count }, (_, index) => ({
    tableName: TABLE,
    put: { id: `${prefix}-${index + 1}`, value: index + 1 },
    owner: `message-${index + 1}`,
  }));
}

async function stored(id: string): Promise<boolean> {
  const documentClient = createDocumentClient(client);
  const output = await documentClient.send(
    new GetCommand({ TableName: TABLE, Key: { id } }),
  );
  return output.Item !== undefined;
}

describe('batchWriteAll', () => {
  test('retries exactly the unprocessed items once', async () => {
    const fault = injectUnprocessedItems(client, (call, requests) =>
      call === 1 ? requests.slice(0, 2) : [],
    );
    const delays: number[] = [];

    const result = await batchWriteAll(
      createDocumentClient(client),
      puts('a', 5),
      {
        batching: true,
        sleep: async (ms) => {
          delays.push(ms);
        },
        random: () => 0.5,
      },
    );
    fault.remove();

    expect(fault.calls).toHaveLength(2);
    expect(
      fault.calls[1]?.map((entry) => requestAttribute(entry, 'id')),
    ).toEqual(['a-1', 'a-2']);
    expect(delays).toEqual([25]);
    expect(result.failed).toEqual([]);
    for (let i = 1; i <= 5; i += 1) expect(await stored(`a-${i}`)).toBe(true);
  });

  test('reports items unprocessed on every call as failed', async () => {
    const fault = injectUnprocessedItems(client, (_call, requests) =>
      requests.filter((entry) =>
        ['b-2', 'b-4'].includes(requestAttribute(entry, 'id') ?? ''),
      ),
    );
    const delays: number[] = [];

    const result = await batchWriteAll(
      createDocumentClient(client),
      puts('b', 5),
      {
        batching: true,
        maxAttempts: 4,
        sleep: async (ms) => {
          delays.push(ms);
        },
        random: () => 0.99,
      },
    );
    fault.remove();

    expect(fault.calls).toHaveLength(4);
    expect(delays).toHaveLength(3);
    expect(delays[1]).toBeGreaterThan(delays[0] ?? 0);
    expect(result.failed.map((write) => write.owner).sort()).toEqual([
      'message-2',
      'message-4',
    ]);
    expect(result.written).toBe(3);
    expect(await stored('b-2')).toBe(false);
    expect(await stored('b-1')).toBe(true);
  });

  test('splits writes into chunks of 25', async () => {
    const fault = injectUnprocessedItems(client, () => []);

    const result = await batchWriteAll(
      createDocumentClient(client),
      puts('c', 60),
      {
        batching: true,
      },
    );
    fault.remove();

    expect(fault.calls.map((call) => call.length)).toEqual([25, 25, 10]);
    expect(result.written).toBe(60);
  });

  test('writes one by one when batching is off', async () => {
    const fault = injectUnprocessedItems(client, () => []);

    const result = await batchWriteAll(
      createDocumentClient(client),
      puts('d', 3),
      {
        batching: false,
      },
    );
    fault.remove();

    expect(fault.calls).toHaveLength(0);
    expect(result.written).toBe(3);
    expect(await stored('d-3')).toBe(true);
  });

  test('reports every item of a rejected call', async () => {
    const writes: TableWrite[] = [
      { tableName: 'no-such-table', put: { id: 'x' }, owner: 'message-x' },
    ];

    const result = await batchWriteAll(createDocumentClient(client), writes, {
      batching: true,
    });

    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]?.owner).toBe('message-x');
    expect(result.failed[0]?.reason).toMatch(/ResourceNotFound/);
  });
});

describe('batchWritesEnabled', () => {
  test('reads the BATCH_WRITES switch', async () => {
    const { batchWritesEnabled } = await import('../../src/dynamo/batch-write');

    expect(batchWritesEnabled({})).toBe(true);
    expect(batchWritesEnabled({ BATCH_WRITES: 'on' })).toBe(true);
    expect(batchWritesEnabled({ BATCH_WRITES: 'OFF' })).toBe(false);
  });
});
