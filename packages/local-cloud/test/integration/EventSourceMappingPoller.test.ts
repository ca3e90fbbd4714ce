import { createHash } from 'node:crypto';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { createSqsClient } from '../../src/aws/createClients';
import {
  type MeteredSqs,
  startMeteredSqs,
} from '../../src/servers/startMeteredSqs';
import { EventSourceMappingPoller } from '../../src/sqs/EventSourceMappingPoller';
import { queueArn } from '../../src/template/arn';
import type { EventSourceMappingSpec } from '../../src/template/readEventSourceMappings';
import { eventually } from '../helpers/eventually';
import {
  createRecordingLogger,
  type LogLine,
} from '../helpers/recordingLogger';

type Respond = (event: SQSEvent, call: number) => unknown;

interface Harness {
  queueUrl: string;
  calls: SQSEvent[];
  lines: LogLine[];
  poller: EventSourceMappingPoller;
}

describe('EventSourceMappingPoller', () => {
  let sqs: MeteredSqs;
  let client: SQSClient;
  let queueCount = 0;
  const pollers: EventSourceMappingPoller[] = [];

  beforeAll(async () => {
    sqs = await startMeteredSqs(0);
    client = createSqsClient(sqs.endpoint, { internal: true });
  });

  afterEach(async () => {
    await Promise.all(pollers.splice(0).map((poller) => poller.stop()));
  });

  afterAll(async () => {
    client.destroy();
    await sqs.stop();
  });

  async function createQueue(attributes: Record<string, string> = {}) {
    queueCount += 1;
    const queueName = `poller-${queueCount}`;
    const { QueueUrl } = await client.send(
      new CreateQueueCommand({ QueueName: queueName, Attributes: attributes }),
    );
    return { queueName, queueUrl: QueueUrl ?? '' };
  }

  /**
   * Starts a poller on a new queue. The visibility timeout is 30 s unless
   * `visibilityTimeoutSeconds` requests the short one that tests of
   * redelivery need.
   */
  async function startPoller(
    respond: Respond,
    mapping: Partial<EventSourceMappingSpec> = {},
    queueAttributes: Record<string, string> = {},
    visibilityTimeoutSeconds = 30,
  ): Promise<Harness> {
    const { queueName, queueUrl } = await createQueue(queueAttributes);
    const calls: SQSEvent[] = [];
    const { log, lines } = createRecordingLogger();
    const poller = new EventSourceMappingPoller({
      mapping: {
        logicalId: 'TestMapping',
        functionName: 'test-fn',
        eventSourceArn: queueArn(queueName),
        queueName,
        batchSize: 10,
        maximumBatchingWindowSeconds: 0,
        reportBatchItemFailures: true,
        maximumConcurrency: undefined,
        enabled: true,
        ...mapping,
      },
      queueUrl,
      visibilityTimeoutSeconds,
      sqs: createSqsClient(sqs.endpoint),
      invoke: async (_, event) => {
        calls.push(event);
        return respond(event, calls.length);
      },
      log,
    });
    pollers.push(poller);
    poller.start();
    return { queueUrl, calls, lines, poller };
  }

  async function send(queueUrl: string, bodies: string[]): Promise<void> {
    for (const body of bodies) {
      await client.send(
        new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }),
      );
    }
  }

  async function queueCounts(queueUrl: string) {
    const { Attributes = {} } = await client.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: [
          'ApproximateNumberOfMessages',
          'ApproximateNumberOfMessagesNotVisible',
        ],
      }),
    );
    return {
      listed: Number(Attributes.ApproximateNumberOfMessages),
      inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible),
    };
  }

  /** Waits until the poller settled its batches, then reads the queue. */
  async function settledCounts(harness: Harness, calls: number) {
    await eventually(() => {
      expect(harness.calls.length).toBeGreaterThanOrEqual(calls);
      expect(harness.poller.activeBatches).toBe(0);
    });
    return queueCounts(harness.queueUrl);
  }

  const bodiesOf = (event: SQSEvent | undefined) =>
    (event?.Records ?? []).map((record) => record.body).sort();

  describe('records', () => {
    it('builds SQS event records as Lambda does', async () => {
      const harness = await startPoller(() => undefined);
      await client.send(
        new SendMessageCommand({
          QueueUrl: harness.queueUrl,
          MessageBody: '{"hello":"world"}',
          MessageAttributes: {
            kind: { DataType: 'String', StringValue: 'order' },
            count: { DataType: 'Number', StringValue: '3' },
            blob: { DataType: 'Binary', BinaryValue: Buffer.from('hi') },
          },
        }),
      );

      const record = await eventually(() => {
        const first = harness.calls[0]?.Records[0];
        if (!first) throw new Error('no invocation yet');
        return first;
      });

      expect(record).toEqual({
        messageId: expect.any(String),
        receiptHandle: expect.any(String),
        body: '{"hello":"world"}',
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: expect.stringMatching(/^\d+$/),
          SenderId: expect.any(String),
          ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d+$/),
        },
        messageAttributes: {
          kind: {
            stringValue: 'order',
            stringListValues: [],
            binaryListValues: [],
            dataType: 'String',
          },
          count: {
            stringValue: '3',
            stringListValues: [],
            binaryListValues: [],
            dataType: 'Number',
          },
          blob: {
            binaryValue: 'aGk=',
            stringListValues: [],
            binaryListValues: [],
            dataType: 'Binary',
          },
        },
        md5OfBody: createHash('md5').update('{"hello":"world"}').digest('hex'),
        md5OfMessageAttributes: expect.stringMatching(/^[0-9a-f]{32}$/),
        eventSource: 'aws:sqs',
        eventSourceARN: expect.stringMatching(
          /^arn:aws:sqs:us-east-1:000000000000:poller-\d+$/,
        ),
        awsRegion: 'us-east-1',
      });
    });
  });

  describe('batching', () => {
    it('invokes at once without a window', async () => {
      const harness = await startPoller(() => undefined);

      await send(harness.queueUrl, ['a']);
      await eventually(() => expect(harness.calls).toHaveLength(1));
      await send(harness.queueUrl, ['b']);
      await eventually(() => expect(harness.calls).toHaveLength(2));

      expect(bodiesOf(harness.calls[0])).toEqual(['a']);
      expect(bodiesOf(harness.calls[1])).toEqual(['b']);
    });

    it('fills the batch within the window', async () => {
      const harness = await startPoller(() => undefined, {
        batchSize: 3,
        maximumBatchingWindowSeconds: 5,
        maximumConcurrency: 1,
      });

      await send(harness.queueUrl, ['a']);
      await send(harness.queueUrl, ['b']);
      await send(harness.queueUrl, ['c']);
      await eventually(() => expect(harness.calls).toHaveLength(1));

      expect(bodiesOf(harness.calls[0])).toEqual(['a', 'b', 'c']);
    });

    it('invokes a partial batch after the window', async () => {
      const harness = await startPoller(() => undefined, {
        batchSize: 10,
        maximumBatchingWindowSeconds: 1,
        maximumConcurrency: 1,
      });

      await send(harness.queueUrl, ['a', 'b']);
      await eventually(() => expect(harness.calls).toHaveLength(1));

      expect(bodiesOf(harness.calls[0])).toEqual(['a', 'b']);
    });

    it('never batches one message twice', async () => {
      const harness = await startPoller(
        () => undefined,
        {
          batchSize: 10,
          maximumBatchingWindowSeconds: 2,
          maximumConcurrency: 1,
        },
        {},
        1,
      );

      await send(harness.queueUrl, ['a']);
      await eventually(() => expect(harness.calls).toHaveLength(1));

      expect(bodiesOf(harness.calls[0])).toEqual(['a']);
    });

    it('never exceeds the batch size', async () => {
      const harness = await startPoller(() => undefined, {
        batchSize: 2,
        maximumConcurrency: 2,
      });

      await send(harness.queueUrl, ['a', 'b', 'c', 'd', 'e']);
      await eventually(() => {
        const delivered = harness.calls.flatMap((event) => event.Records);
        expect(delivered).toHaveLength(5);
      });

      for (const event of harness.calls) {
        expect(event.Records.length).toBeLessThanOrEqual(2);
      }
    });

    it('runs up to MaximumConcurrency batches at once', async () => {
      const releases: (() => void)[] = [];
      const harness = await startPoller(
        () => new Promise<void>((resolve) => releases.push(resolve)),
        { batchSize: 1, maximumConcurrency: 3 },
      );

      await send(harness.queueUrl, ['a', 'b', 'c', 'd', 'e']);
      await eventually(() => expect(harness.calls).toHaveLength(3));

      expect(harness.poller.activeBatches).toBe(3);
      expect(harness.poller.concurrency).toBe(3);
      for (const release of releases) release();
      await eventually(() =>
        expect(harness.calls.length).toBeGreaterThanOrEqual(5),
      );
      for (const release of releases) release();
    });

    it('defaults to two concurrent batches', async () => {
      const harness = await startPoller(() => undefined);

      expect(harness.poller.concurrency).toBe(2);
    });
  });

  describe('partial batch responses', () => {
    it('deletes every message on success', async () => {
      const harness = await startPoller(() => ({ batchItemFailures: [] }));
      await send(harness.queueUrl, ['a', 'b']);

      const counts = await settledCounts(harness, 1);

      expect(counts).toEqual({ listed: 0, inFlight: 0 });
    });

    it('retries only the reported messages', async () => {
      const harness = await startPoller(
        (event) => {
          const failed = event.Records.filter(
            (record) =>
              record.body === 'fail' &&
              record.attributes.ApproximateReceiveCount === '1',
          );
          return {
            batchItemFailures: failed.map((record) => ({
              itemIdentifier: record.messageId,
            })),
          };
        },
        {},
        {},
        1,
      );
      await send(harness.queueUrl, ['ok-1', 'fail', 'ok-2']);

      await settledCounts(harness, 1);
      await eventually(async () => {
        expect(await queueCounts(harness.queueUrl)).toEqual({
          listed: 0,
          inFlight: 0,
        });
      });

      const delivered = harness.calls.flatMap((event) => event.Records);
      expect(delivered.map((record) => record.body).sort()).toEqual([
        'fail',
        'fail',
        'ok-1',
        'ok-2',
      ]);
      const retried = delivered.filter((record) => record.body === 'fail');
      expect(
        retried.map((record) => record.attributes.ApproximateReceiveCount),
      ).toEqual(['1', '2']);
    });

    it('reads a misspelled key as success', async () => {
      const harness = await startPoller((event) => ({
        batchitemfailures: [{ itemIdentifier: event.Records[0]?.messageId }],
      }));
      await send(harness.queueUrl, ['a', 'b']);

      const counts = await settledCounts(harness, 1);

      expect(counts).toEqual({ listed: 0, inFlight: 0 });
    });

    it('fails the batch on unknown ids', async () => {
      const harness = await startPoller(() => ({
        batchItemFailures: [{ itemIdentifier: 'not-in-batch' }],
      }));
      await send(harness.queueUrl, ['a', 'b']);

      const counts = await settledCounts(harness, 1);

      expect(counts.listed).toBe(2);
      const warning = harness.lines.find((line) =>
        line.message.startsWith('invalid batch response'),
      );
      expect(warning?.fields.reason).toContain(
        '"not-in-batch" is not a messageId of the batch',
      );
    });

    it('deletes nothing when the function throws', async () => {
      const harness = await startPoller(() => {
        throw new Error('boom');
      });
      await send(harness.queueUrl, ['a', 'b']);

      const counts = await settledCounts(harness, 1);

      expect(counts.listed).toBe(2);
      expect(
        harness.lines.some((line) => line.message.startsWith('batch failed')),
      ).toBe(true);
    });

    it('ignores batchItemFailures without ReportBatchItemFailures', async () => {
      const harness = await startPoller(
        (event) => ({
          batchItemFailures: [{ itemIdentifier: event.Records[0]?.messageId }],
        }),
        { reportBatchItemFailures: false },
      );
      await send(harness.queueUrl, ['a']);

      const counts = await settledCounts(harness, 1);

      expect(counts).toEqual({ listed: 0, inFlight: 0 });
    });
  });

  describe('dead-letter queue', () => {
    it('redrives to the DLQ after maxReceiveCount', async () => {
      const dlq = await createQueue();
      const harness = await startPoller(
        () => {
          throw new Error('always fails');
        },
        {},
        {
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: queueArn(dlq.queueName),
            maxReceiveCount: 2,
          }),
        },
        1,
      );
      await send(harness.queueUrl, ['poison']);

      await eventually(async () => {
        expect((await queueCounts(dlq.queueUrl)).listed).toBe(1);
      });

      expect(harness.calls).toHaveLength(2);
      expect(await queueCounts(harness.queueUrl)).toEqual({
        listed: 0,
        inFlight: 0,
      });
    });
  });

  describe('stop', () => {
    it('stops receiving', async () => {
      const harness = await startPoller(() => undefined);
      await harness.poller.stop();

      await send(harness.queueUrl, ['after-stop']);

      expect(harness.calls).toHaveLength(0);
      expect((await queueCounts(harness.queueUrl)).listed).toBe(1);
    });

    it('waits for the batch in progress', async () => {
      let release: () => void = () => {};
      const harness = await startPoller(
        () =>
          new Promise<void>((resolve) => {
            release = resolve;
          }),
      );
      await send(harness.queueUrl, ['a']);
      await eventually(() => expect(harness.calls).toHaveLength(1));

      const stopping = harness.poller.stop();
      release();
      await stopping;

      expect(await queueCounts(harness.queueUrl)).toEqual({
        listed: 0,
        inFlight: 0,
      });
    });
  });

  it('meters its receives and deletes', () => {
    expect(sqs.requests.get('ReceiveMessage')).toBeGreaterThan(0);
    expect(sqs.requests.get('DeleteMessageBatch')).toBeGreaterThan(0);
    expect(sqs.requests.get('GetQueueAttributes')).toBe(0);
  });
});
