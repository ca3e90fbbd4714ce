import {
  eventBridgeBody,
  lambdaContext,
  sqsEvent,
  sqsRecord,
} from '@retail/testing';
import { createQueueConsumer } from '../../src/consumer/queue-consumer';
import { createEnvelope } from '../../src/events/envelope';
import { createLogger } from '../../src/observability/logger';
import {
  createMetrics,
  versionDimensions,
} from '../../src/observability/metrics';

function stockReserved(orderId: string) {
  return eventBridgeBody(
    createEnvelope('retail.inventory', 'StockReserved', { orderId }),
  );
}

/**
 * Captures what Powertools writes: log lines (errors go to stderr) and
 * EMF metric blobs (stdout).
 */
function captureStdout(): { lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const record = (chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  };
  jest.spyOn(process.stdout, 'write').mockImplementation(record);
  jest.spyOn(process.stderr, 'write').mockImplementation(record);
  return {
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

function consumerWith(handler: (orderId: string) => Promise<void>) {
  return createQueueConsumer({
    logger: createLogger('test'),
    metrics: createMetrics('test'),
    routes: {
      StockReserved: async (payload) => handler(payload.orderId),
    },
  });
}

describe('createQueueConsumer', () => {
  test('returns every id when every record fails', async () => {
    captureStdout();
    const consume = consumerWith(async () => {
      throw new Error('table unavailable');
    });
    const records = [
      sqsRecord(stockReserved('o-1')),
      sqsRecord(stockReserved('o-2')),
    ];

    const response = await consume(sqsEvent(records), lambdaContext());

    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: records[0]?.messageId },
      { itemIdentifier: records[1]?.messageId },
    ]);
  });

  test.each([
    ['undefined', undefined],
    ['a string', 'boom'],
    ['null', null],
  ])('fails only the record that throws %s', async (_name, thrown) => {
    captureStdout();
    const calls: string[] = [];
    const consume = consumerWith(async (orderId) => {
      calls.push(orderId);
      if (orderId === 'o-2') throw thrown;
    });
    const records = ['o-1', 'o-2', 'o-3'].map((id) =>
      sqsRecord(stockReserved(id)),
    );

    const response = await consume(sqsEvent(records), lambdaContext());

    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: records[1]?.messageId }],
    });
    expect(calls.sort()).toEqual(['o-1', 'o-2', 'o-3']);
  });

  test('reports a rejection that arrives a tick later', async () => {
    captureStdout();
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    const applied: string[] = [];
    const consume = consumerWith(async (orderId) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (orderId === 'o-2') {
        await Promise.reject(new Error('ConditionalCheckFailedException'));
      }
      applied.push(orderId);
    });
    const records = ['o-1', 'o-2', 'o-3'].map((id) =>
      sqsRecord(stockReserved(id)),
    );

    const response = await consume(sqsEvent(records), lambdaContext());
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', unhandled);

    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: records[1]?.messageId }],
    });
    expect(applied.sort()).toEqual(['o-1', 'o-3']);
    expect(unhandled).not.toHaveBeenCalled();
  });

  test('fails a body that is not JSON and logs why', async () => {
    const stdout = captureStdout();
    const applied: string[] = [];
    const consume = consumerWith(async (orderId) => {
      applied.push(orderId);
    });
    const poison = sqsRecord('orderId=O-12;sku=SKU-2');
    const records = [
      sqsRecord(stockReserved('o-1')),
      poison,
      sqsRecord(stockReserved('o-3')),
    ];

    const response = await consume(sqsEvent(records), lambdaContext());

    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: poison.messageId },
    ]);
    expect(applied.sort()).toEqual(['o-1', 'o-3']);
    const logLine = stdout
      .lines()
      .find((line) => line.messageId === poison.messageId);
    expect(logLine?.level).toBe('ERROR');
    expect(String(logLine?.reason)).toMatch(/not JSON/);
  });

  test('fails a payload that breaks its schema', async () => {
    const stdout = captureStdout();
    const consume = consumerWith(async () => undefined);
    const invalid = sqsRecord(
      eventBridgeBody(
        createEnvelope('retail.inventory', 'StockReserved', { orderId: 2 }),
      ),
    );

    const response = await consume(sqsEvent([invalid]), lambdaContext());

    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: invalid.messageId },
    ]);
    const logLine = stdout
      .lines()
      .find((line) => line.messageId === invalid.messageId);
    expect(String(logLine?.reason)).toMatch(/orderId/);
  });

  test('fails an event type without a route', async () => {
    const stdout = captureStdout();
    const consume = consumerWith(async () => undefined);
    const record = sqsRecord(
      createEnvelope('retail.orders', 'OrderPlaced', { orderId: 'o-1' }),
    );

    const response = await consume(sqsEvent([record]), lambdaContext());

    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: record.messageId },
    ]);
    const logLine = stdout
      .lines()
      .find((line) => line.messageId === record.messageId);
    expect(String(logLine?.reason)).toMatch(
      /no handler for event type OrderPlaced/,
    );
  });

  test('returns an empty list when every record succeeds', async () => {
    captureStdout();
    const consume = consumerWith(async () => undefined);

    const response = await consume(
      sqsEvent([sqsRecord(stockReserved('o-1'))]),
      lambdaContext(),
    );

    expect(response).toEqual({ batchItemFailures: [] });
  });

  // A version that reports failed records in batchItemFailures raises
  // no Lambda Errors, so its canary alarm reads this metric instead.
  test('emits the failed record count of the version behind the alias', async () => {
    const stdout = captureStdout();
    const consume = consumerWith(async (orderId) => {
      if (orderId !== 'o-1') throw new Error('failed');
    });
    const records = ['o-1', 'o-2', 'o-3'].map((id) =>
      sqsRecord(stockReserved(id)),
    );

    const response = await consume(
      sqsEvent(records),
      lambdaContext({
        functionName: 'retail-orders-prod-consumer',
        functionVersion: '7',
        invokedFunctionArn:
          'arn:aws:lambda:eu-west-2:000000000000:function:retail-orders-prod-consumer:Live',
      }),
    );

    expect(response.batchItemFailures).toHaveLength(2);
    const documents = stdout.lines().filter((line) => '_aws' in line);
    const failed = documents.find((line) => 'RecordsFailed' in line);
    const processed = documents.find((line) => 'RecordsProcessed' in line);
    expect(failed?.RecordsFailed).toBe(2);
    expect(processed?.RecordsProcessed).toBe(3);
    for (const document of [failed, processed]) {
      expect(document).toMatchObject({
        FunctionName: 'retail-orders-prod-consumer',
        Resource: 'retail-orders-prod-consumer:Live',
        ExecutedVersion: '7',
      });
      // The alarm matches only this exact set of dimensions.
      expect(emfDimensions(document)).toEqual([
        ['FunctionName', 'Resource', 'ExecutedVersion'],
      ]);
      expect(emfNamespace(document)).toBe('RetailPlatform');
    }
  });

  test('names the bare function as Resource when called unqualified', async () => {
    const stdout = captureStdout();
    const consume = consumerWith(async () => undefined);

    await consume(
      sqsEvent([sqsRecord(stockReserved('o-1'))]),
      lambdaContext({ functionName: 'consumer' }),
    );

    const failed = stdout.lines().find((line) => 'RecordsFailed' in line);
    expect(failed).toMatchObject({
      RecordsFailed: 0,
      FunctionName: 'consumer',
      Resource: 'consumer',
      ExecutedVersion: '$LATEST',
    });
  });
});

describe('versionDimensions', () => {
  // The context that `sls invoke local` passes has no ARN.
  test('falls back without an ARN', () => {
    const context = { functionName: 'retail-orders-local-consumer' };

    expect(versionDimensions(context)).toEqual({
      FunctionName: 'retail-orders-local-consumer',
      Resource: 'retail-orders-local-consumer',
      ExecutedVersion: '$LATEST',
    });
  });
});

type EmfMetadata = {
  CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][] }>;
};

function emfDimensions(document: Record<string, unknown> | undefined) {
  return (document?._aws as EmfMetadata | undefined)?.CloudWatchMetrics[0]
    ?.Dimensions;
}

function emfNamespace(document: Record<string, unknown> | undefined) {
  return (document?._aws as EmfMetadata | undefined)?.CloudWatchMetrics[0]
    ?.Namespace;
}

describe('createQueueConsumer with groupKey', () => {
  test('runs records of one key in order', async () => {
    captureStdout();
    const events: string[] = [];
    const consume = createQueueConsumer({
      logger: createLogger('test'),
      metrics: createMetrics('test'),
      groupKey: (envelope) =>
        (envelope.payload as { orderId?: string }).orderId,
      routes: {
        StockReserved: async (payload) => {
          events.push(`start ${payload.orderId}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          events.push(`end ${payload.orderId}`);
        },
      },
    });
    const records = ['o-1', 'o-1', 'o-2'].map((id) =>
      sqsRecord(stockReserved(id)),
    );

    await consume(sqsEvent(records), lambdaContext());

    expect(events.indexOf('end o-1')).toBeLessThan(
      events.lastIndexOf('start o-1'),
    );
    expect(events.indexOf('start o-2')).toBeLessThan(events.indexOf('end o-1'));
  });

  test('fails an unparsable record on its own', async () => {
    captureStdout();
    const consume = createQueueConsumer({
      logger: createLogger('test'),
      metrics: createMetrics('test'),
      groupKey: () => 'same',
      routes: { StockReserved: async () => undefined },
    });
    const poison = sqsRecord('not json');
    const records = [poison, sqsRecord(stockReserved('o-1'))];

    const response = await consume(sqsEvent(records), lambdaContext());

    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: poison.messageId },
    ]);
  });
});
