import {
  CreateQueueCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { createSqsClient } from '../../src/aws/createClients';
import { EventBus } from '../../src/eventbridge/EventBus';
import {
  type EventBridgeServer,
  startEventBridge,
} from '../../src/eventbridge/startEventBridge';
import {
  type MeteredSqs,
  startMeteredSqs,
} from '../../src/servers/startMeteredSqs';
import { createRecordingLogger } from '../helpers/recordingLogger';

/** A PutEvents response, or an AWS JSON 1.1 error. */
interface PutEventsResponseBody {
  FailedEntryCount: number;
  Entries: { EventId?: string; ErrorCode?: string; ErrorMessage?: string }[];
  __type?: string;
  message?: string;
}

describe('EventBridge stand-in', () => {
  let sqs: MeteredSqs;
  let client: SQSClient;
  let bus: EventBus;
  let server: EventBridgeServer;
  const queueUrls: Record<string, string> = {};

  beforeAll(async () => {
    sqs = await startMeteredSqs(0);
    client = createSqsClient(sqs.endpoint, { internal: true });
    for (const name of ['placed', 'retail', 'custom']) {
      const { QueueUrl } = await client.send(
        new CreateQueueCommand({ QueueName: name }),
      );
      queueUrls[name] = QueueUrl ?? '';
    }

    bus = new EventBus(
      createSqsClient(sqs.endpoint),
      createRecordingLogger().log,
    );
    bus.addRule({
      name: 'placed',
      eventBusName: 'default',
      eventPattern: {
        'detail-type': ['OrderPlaced'],
        detail: { version: [1] },
      },
      targets: [
        { queueUrl: queueUrls.placed ?? '', messageGroupId: undefined },
      ],
    });
    bus.addRule({
      name: 'retail',
      eventBusName: 'default',
      eventPattern: {
        source: [{ prefix: 'retail.' }],
        detail: {
          status: [{ 'anything-but': 'DRAFT' }],
          customer: [{ exists: true }],
        },
      },
      targets: [
        { queueUrl: queueUrls.retail ?? '', messageGroupId: undefined },
      ],
    });
    bus.addRule({
      name: 'custom',
      eventBusName: 'orders',
      eventPattern: { source: ['retail.orders'] },
      targets: [
        { queueUrl: queueUrls.custom ?? '', messageGroupId: undefined },
      ],
    });
    server = await startEventBridge(0, bus, createRecordingLogger().log);
  });

  afterAll(async () => {
    client.destroy();
    await server.stop();
    await sqs.stop();
  });

  async function putEvents(body: unknown, target = 'AWSEvents.PutEvents') {
    const response = await fetch(server.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': target,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as PutEventsResponseBody,
      headers: response.headers,
    };
  }

  async function drain(queue: string): Promise<Message[]> {
    const { Messages } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrls[queue],
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        VisibilityTimeout: 30,
      }),
    );
    return Messages ?? [];
  }

  const entry = (detail: unknown, overrides: Record<string, unknown> = {}) => ({
    Source: 'retail.orders',
    DetailType: 'OrderPlaced',
    Detail: JSON.stringify(detail),
    ...overrides,
  });

  it('delivers the EventBridge event shape', async () => {
    const detail = {
      version: 1,
      status: 'PLACED',
      customer: 'c-1',
      lines: [{ sku: 'a' }],
    };

    const { status, body } = await putEvents({
      Entries: [
        entry(detail, { Time: 1_700_000_000.25, Resources: ['arn:aws:x:1'] }),
      ],
    });
    const [placed] = await drain('placed');

    expect(status).toBe(200);
    expect(body.FailedEntryCount).toBe(0);
    expect(JSON.parse(placed?.Body ?? '{}')).toEqual({
      version: '0',
      id: body.Entries[0]?.EventId,
      'detail-type': 'OrderPlaced',
      source: 'retail.orders',
      account: '000000000000',
      time: '2023-11-14T22:13:20Z',
      region: 'us-east-1',
      resources: ['arn:aws:x:1'],
      detail,
    });
    expect(Object.keys(JSON.parse(placed?.Body ?? '{}'))).toEqual([
      'version',
      'id',
      'detail-type',
      'source',
      'account',
      'time',
      'region',
      'resources',
      'detail',
    ]);
    expect(await drain('retail')).toHaveLength(1);
  });

  it('defaults time to now in seconds', async () => {
    await putEvents({ Entries: [entry({ version: 1 })] });
    const [placed] = await drain('placed');

    expect(JSON.parse(placed?.Body ?? '{}').time).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    expect(JSON.parse(placed?.Body ?? '{}').resources).toEqual([]);
  });

  it('sends to matching rules only', async () => {
    await putEvents({
      Entries: [
        entry({ version: 2, status: 'DRAFT', customer: 'c' }),
        entry({ version: 2, status: 'PAID' }),
        entry({ version: 2, status: 'PAID', customer: 'c' }),
      ],
    });

    expect(await drain('placed')).toHaveLength(0);
    const retail = await drain('retail');
    expect(retail).toHaveLength(1);
    expect(JSON.parse(retail[0]?.Body ?? '{}').detail.status).toBe('PAID');
  });

  it('matches rules on the entry bus', async () => {
    await putEvents({
      Entries: [
        entry({ version: 3 }, { EventBusName: 'orders' }),
        entry(
          { version: 3 },
          {
            EventBusName:
              'arn:aws:events:us-east-1:000000000000:event-bus/orders',
          },
        ),
      ],
    });

    expect(await drain('custom')).toHaveLength(2);
    expect(await drain('placed')).toHaveLength(0);
  });

  it('counts entries that match no rule', async () => {
    const before = bus.getUsage();

    await putEvents({
      Entries: [entry({}, { Source: 'billing', DetailType: 'X' })],
    });

    const after = bus.getUsage();
    expect(after.unmatchedEntries).toBe(before.unmatchedEntries + 1);
    expect(after.entries).toBe(before.entries + 1);
    expect(after.putEventsCalls).toBe(before.putEventsCalls + 1);
  });

  it.each([
    [
      'a Detail that is a list',
      { Detail: '[1]' },
      'MalformedDetail',
      'Detail is malformed.',
    ],
    [
      'a Detail that is not JSON',
      { Detail: '{oops' },
      'MalformedDetail',
      'Detail is malformed.',
    ],
    [
      'a Detail that is a string',
      { Detail: '"text"' },
      'MalformedDetail',
      'Detail is malformed.',
    ],
    [
      'a missing Source',
      { Source: undefined },
      'InvalidArgument',
      'Parameter Source is not valid. Reason: Source is a required argument.',
    ],
    [
      'a missing DetailType',
      { DetailType: '' },
      'InvalidArgument',
      'Parameter DetailType is not valid. Reason: DetailType is a required argument.',
    ],
  ])('rejects %s with an entry error', async (_, overrides, code, message) => {
    const { status, body } = await putEvents({
      Entries: [entry({ version: 9 }), entry({ version: 9 }, overrides)],
    });

    expect(status).toBe(200);
    expect(body.FailedEntryCount).toBe(1);
    expect(body.Entries[0]?.EventId).toEqual(expect.any(String));
    expect(body.Entries[1]).toEqual({ ErrorCode: code, ErrorMessage: message });
    await drain('placed');
    await drain('retail');
  });

  it('rejects more than 10 entries', async () => {
    const { status, body, headers } = await putEvents({
      Entries: Array.from({ length: 11 }, () => entry({})),
    });

    expect(status).toBe(400);
    expect(headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(body.__type).toBe('ValidationException');
    expect(body.message).toContain('length less than or equal to 10');
  });

  it('rejects an empty list of entries', async () => {
    const { status, body } = await putEvents({ Entries: [] });

    expect(status).toBe(400);
    expect(body.message).toContain('length greater than or equal to 1');
  });

  it('rejects entries over 256 KB', async () => {
    const large = { data: 'x'.repeat(256 * 1024) };

    const { status, body } = await putEvents({ Entries: [entry(large)] });

    expect(status).toBe(400);
    expect(body).toEqual({
      __type: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });

  it('counts an entry in 64 KB chunks', async () => {
    const before = bus.getUsage().billedEvents;

    await putEvents({
      Entries: [entry({ data: 'x'.repeat(100 * 1024) }, { Source: 'big' })],
    });

    expect(bus.getUsage().billedEvents).toBe(before + 2);
  });

  it('rejects other operations', async () => {
    const { status, body } = await putEvents({}, 'AWSEvents.PutRule');

    expect(status).toBe(400);
    expect(body.__type).toBe('UnknownOperationException');
  });

  it('rejects a body that is not JSON', async () => {
    const { status, body } = await putEvents('{not json');

    expect(status).toBe(400);
    expect(body.__type).toBe('SerializationException');
  });

  it('meters deliveries as SendMessage', () => {
    expect(sqs.requests.get('SendMessage')).toBeGreaterThan(0);
    expect(sqs.requests.get('CreateQueue')).toBe(0);
    expect(sqs.requests.get('ReceiveMessage')).toBe(0);
  });
});
