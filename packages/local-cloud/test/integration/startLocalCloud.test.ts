import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  createDynamoDbClient,
  createSqsClient,
} from '../../src/aws/createClients';
import type { LocalCloudStats } from '../../src/LocalCloudStats';
import { type LocalCloud, startLocalCloud } from '../../src/startLocalCloud';
import { stateFilePath } from '../../src/stateFile';
import { eventually } from '../helpers/eventually';
import { createFixtureRepo, removeFixtureRepo } from '../helpers/fixtureRepo';
import {
  createRecordingLogger,
  type LogLine,
} from '../helpers/recordingLogger';

const PREFIX = 'fixture-shop-local';

describe('startLocalCloud', () => {
  let repoRoot: string;
  let cloud: LocalCloud;
  let lines: LogLine[];
  let dynamodb: DynamoDBClient;
  let sqs: SQSClient;

  beforeAll(async () => {
    repoRoot = createFixtureRepo();
    const recording = createRecordingLogger();
    lines = recording.lines;
    cloud = await startLocalCloud({
      repoRoot,
      stage: 'local',
      ports: { http: 0, dynamodb: 0, sqs: 0, eventbridge: 0 },
      visibilityTimeoutOverrideSeconds: 1,
      log: recording.log,
    });
    dynamodb = createDynamoDbClient(cloud.urls.dynamodb);
    sqs = createSqsClient(cloud.urls.sqs);
  });

  afterAll(async () => {
    dynamodb.destroy();
    sqs.destroy();
    await cloud.stop();
    removeFixtureRepo(repoRoot);
  });

  async function get(pathAndQuery: string, init?: RequestInit) {
    const response = await fetch(`${cloud.urls.http}${pathAndQuery}`, init);
    const text = await response.text();
    return { response, text, json: () => JSON.parse(text) };
  }

  async function putEvents(entries: unknown[]) {
    const response = await fetch(cloud.urls.eventbridge, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSEvents.PutEvents',
      },
      body: JSON.stringify({ Entries: entries }),
    });
    return (await response.json()) as { FailedEntryCount: number };
  }

  async function sendToQueue(queue: string, bodies: string[]) {
    const QueueUrl = `${cloud.urls.sqs}/000000000000/${PREFIX}-${queue}`;
    for (const MessageBody of bodies) {
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody }));
    }
  }

  const queueStats = (stats: LocalCloudStats, queue: string) =>
    stats.sqs.queues[`${PREFIX}-${queue}`];
  const functionStats = (stats: LocalCloudStats, fn: string) =>
    stats.functions[`${PREFIX}-${fn}`];

  describe('HTTP API', () => {
    it('sends a version 2.0 event', async () => {
      const { response, json } = await get('/products/sku%201?tag=a&tag=b', {
        headers: { cookie: 'session=1; theme=dark', 'x-custom': 'yes' },
      });
      const { event } = json();

      expect(response.status).toBe(200);
      expect(event).toMatchObject({
        version: '2.0',
        routeKey: 'GET /products/{sku}',
        rawPath: '/products/sku%201',
        rawQueryString: 'tag=a&tag=b',
        cookies: ['session=1', 'theme=dark'],
        queryStringParameters: { tag: 'a,b' },
        pathParameters: { sku: 'sku 1' },
        isBase64Encoded: false,
        requestContext: {
          accountId: '000000000000',
          http: {
            method: 'GET',
            path: '/products/sku%201',
            sourceIp: '127.0.0.1',
          },
          routeKey: 'GET /products/{sku}',
          stage: '$default',
        },
      });
      expect(event.headers['x-custom']).toBe('yes');
      expect(event.headers.cookie).toBeUndefined();
    });

    it('passes a Lambda context', async () => {
      const { context } = (await get('/products/a')).json();

      expect(context).toEqual({
        functionName: `${PREFIX}-http`,
        functionVersion: '$LATEST',
        invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${PREFIX}-http`,
        memoryLimitInMB: '512',
        awsRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        logGroupName: `/aws/lambda/${PREFIX}-http`,
        logStreamName: expect.stringMatching(
          /^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/,
        ),
        callbackWaitsForEmptyEventLoop: true,
        remainingTimeInMillis: expect.any(Number),
      });
      expect(context.remainingTimeInMillis).toBeLessThanOrEqual(1000);
      expect(context.remainingTimeInMillis).toBeGreaterThan(0);
    });

    it('sets the function environment', async () => {
      const { env } = (await get('/products/a')).json();

      expect(env).toEqual({
        TABLE_NAME: `${PREFIX}-products`,
        QUEUE_URL: `${cloud.urls.sqs}/000000000000/${PREFIX}-partial`,
        SHARED_SETTING: 'same',
        STAGE: 'local',
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_ENDPOINT_URL_DYNAMODB: cloud.urls.dynamodb,
        AWS_ENDPOINT_URL_SQS: cloud.urls.sqs,
        AWS_ENDPOINT_URL_EVENTBRIDGE: cloud.urls.eventbridge,
        AWS_LAMBDA_FUNCTION_NAME: `${PREFIX}-http`,
      });
    });

    it('maps result headers and cookies', async () => {
      const { response } = await get('/products/a');

      expect(response.headers.get('x-fixture')).toBe('echo');
      expect(response.headers.getSetCookie()).toEqual([
        'session=abc; Path=/',
        'theme=dark',
      ]);
      expect(response.headers.get('apigw-requestid')).toEqual(
        expect.any(String),
      );
    });

    it('prefers a literal route to a path variable', async () => {
      expect((await get('/products/special')).json().event.routeKey).toBe(
        'GET /products/special',
      );
    });

    it('routes any method to a greedy path variable', async () => {
      const { event } = (
        await get('/files/a/b.txt', { method: 'DELETE' })
      ).json();

      expect(event.routeKey).toBe('ANY /files/{proxy+}');
      expect(event.pathParameters).toEqual({ proxy: 'a/b.txt' });
    });

    it('passes the request body', async () => {
      const { event } = (
        await get('/echo', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"a":1}',
        })
      ).json();

      expect(event.body).toBe('{"a":1}');
      expect(event.isBase64Encoded).toBe(false);
    });

    it('sends a result without statusCode as JSON', async () => {
      const { response, text } = await get('/raw');

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(text).toBe('{"hello":"world"}');
    });

    it('answers 500 when the function throws', async () => {
      const { response, text } = await get('/boom');

      expect(response.status).toBe(500);
      expect(text).toBe('{"message":"Internal Server Error"}');
    });

    it('answers 404 for unknown paths', async () => {
      const { response, text } = await get('/nowhere');

      expect(response.status).toBe(404);
      expect(text).toBe('{"message":"Not Found"}');
    });

    it('answers 404 for unrouted methods', async () => {
      expect((await get('/raw', { method: 'POST' })).response.status).toBe(404);
    });
  });

  describe('timeouts', () => {
    it('times out and replaces the worker', async () => {
      const before = (await cloud.stats()).memory.processes
        .filter((entry) => entry.name.startsWith('worker'))
        .map((entry) => entry.pid);

      const slow = await get('/slow');
      const next = await get('/products/a');

      expect(slow.response.status).toBe(500);
      expect(next.response.status).toBe(200);
      const stats = await cloud.stats();
      expect(functionStats(stats, 'http')?.timeouts).toBe(1);
      await eventually(() => {
        for (const pid of before) expect(isAlive(pid)).toBe(false);
      });
    });

    it('replaces a worker that crashes', async () => {
      const crash = await get('/crash');
      const next = await get('/products/a');

      expect(crash.response.status).toBe(500);
      expect(next.response.status).toBe(200);
      const warning = lines.find((line) =>
        line.message.startsWith('worker exited'),
      );
      expect(warning?.fields).toMatchObject({
        service: 'shop',
        detail: 'exit code 1',
      });
    });

    it('writes the timeout to the function log', () => {
      const log = readFileSync(
        path.join(repoRoot, '.local-cloud/logs/shop.log'),
        'utf8',
      );

      expect(log).toContain('Task timed out after 1.00 seconds');
    });
  });

  describe('DynamoDB', () => {
    it('meters capacity used by functions', async () => {
      const before = (await cloud.stats()).dynamodb;

      const { response } = await get('/put?sku=42');

      const after = (await cloud.stats()).dynamodb;
      expect(response.status).toBe(201);
      expect(after.tables[`${PREFIX}-products`]?.writeCapacityUnits).toBe(
        (before.tables[`${PREFIX}-products`]?.writeCapacityUnits ?? 0) + 1,
      );
      expect(after.requests.PutItem).toBe((before.requests.PutItem ?? 0) + 1);
    });
  });

  describe('events and queues', () => {
    it('delivers events and retries failures', async () => {
      const order = (id: string, fail = false) => ({
        Source: 'fixture.orders',
        DetailType: 'OrderPlaced',
        Detail: JSON.stringify({ id, fail }),
      });

      const response = await putEvents([
        order('o-1'),
        order('o-2', true),
        order('o-3'),
        { Source: 'fixture.other', DetailType: 'Ignored', Detail: '{}' },
      ]);
      await cloud.waitForIdle({ timeoutMs: 20_000 });

      expect(response.FailedEntryCount).toBe(0);
      const { Items = [] } = await dynamodb.send(
        new ScanCommand({ TableName: `${PREFIX}-products` }),
      );
      const processed = Items.filter((item) => item.pk?.S === 'processed')
        .map((item) => item.sk?.S)
        .sort();
      expect(processed).toEqual(['o-1', 'o-3']);
      const stats = await cloud.stats();
      expect(queueStats(stats, 'partial')).toMatchObject({
        visible: 0,
        inFlight: 0,
        deadLetterMessages: 1,
      });
      expect(stats.eventBridge).toMatchObject({
        putEventsCalls: 1,
        entries: 4,
        unmatchedEntries: 1,
      });
    });

    it('fails batches with unknown ids', async () => {
      await sendToQueue('unknown-id', ['u-1', 'u-2']);
      await cloud.waitForIdle({ timeoutMs: 20_000 });

      const stats = await cloud.stats();
      expect(queueStats(stats, 'unknown-id')?.deadLetterMessages).toBe(2);
      expect(functionStats(stats, 'unknownId')?.errors).toBe(0);
      const warning = lines.find((line) =>
        line.message.startsWith('invalid batch response'),
      );
      expect(warning?.fields.reason).toContain('"not-a-message-of-the-batch"');
    });

    it('reads a misspelled key as success', async () => {
      await sendToQueue('wrong-key', ['w-1', 'w-2']);
      await cloud.waitForIdle({ timeoutMs: 20_000 });

      const stats = await cloud.stats();
      expect(queueStats(stats, 'wrong-key')).toMatchObject({
        visible: 0,
        inFlight: 0,
      });
      expect(
        functionStats(stats, 'wrongKey')?.invocations,
      ).toBeGreaterThanOrEqual(1);
      expect(functionStats(stats, 'wrongKey')?.invocations).toBeLessThanOrEqual(
        2,
      );
    });

    it('redrives failing batches to the DLQ', async () => {
      await sendToQueue('throwing', ['t-1']);
      await cloud.waitForIdle({ timeoutMs: 20_000 });

      const stats = await cloud.stats();
      expect(queueStats(stats, 'throwing')?.deadLetterMessages).toBe(1);
      expect(functionStats(stats, 'throwing')).toMatchObject({
        invocations: 2,
        errors: 2,
      });
    });

    it('logs handler errors to the service log', () => {
      const log = readFileSync(
        path.join(repoRoot, '.local-cloud/logs/shop.log'),
        'utf8',
      );

      expect(log).toContain('consumer failed on purpose');
      expect(log).toContain(`START RequestId:`);
    });
  });

  describe('stats and admin endpoints', () => {
    it('counts SQS requests by action', async () => {
      const { requests } = (await cloud.stats()).sqs;

      expect(requests.ReceiveMessage).toBeGreaterThan(0);
      expect(requests.DeleteMessageBatch).toBeGreaterThan(0);
      expect(requests.SendMessage).toBeGreaterThan(0);
      expect(requests.GetQueueAttributes).toBeUndefined();
      expect(requests.CreateQueue).toBeUndefined();
    });

    it('reports process and worker memory', async () => {
      const { memory } = await cloud.stats();

      expect(memory.currentRssBytes).toBeGreaterThan(0);
      expect(memory.peakRssBytes).toBeGreaterThanOrEqual(
        memory.currentRssBytes,
      );
      expect(memory.processes.map((entry) => entry.name)).toEqual([
        'local-cloud',
        'worker shop',
      ]);
    });

    it('meters GB-seconds with the configured memory', async () => {
      const stats = await cloud.stats();
      const http = functionStats(stats, 'http');

      // 512 MB: half a GB-second per second, each call rounded up to 1 ms.
      expect(http?.gbSeconds).toBeGreaterThan(0);
      expect(http?.gbSeconds).toBeGreaterThanOrEqual(
        (http?.totalDurationMs ?? 0) / 2000,
      );
      expect(http?.gbSeconds).toBeLessThanOrEqual(
        ((http?.totalDurationMs ?? 0) + (http?.invocations ?? 0)) / 2000,
      );
    });

    it('serves the stats as JSON', async () => {
      const { response, json } = await get('/_local/stats');

      expect(response.status).toBe(200);
      expect(json().functions[`${PREFIX}-http`].invocations).toBeGreaterThan(0);
    });

    it('answers 200 when idle', async () => {
      await cloud.waitForIdle();

      const { response, json } = await get('/_local/idle');

      expect(response.status).toBe(200);
      expect(json()).toEqual({ idle: true, busy: [] });
    });

    it('answers 503 while a message waits', async () => {
      await sendToQueue('wrong-key', ['busy']);

      const { response, json } = await get('/_local/idle');
      await cloud.waitForIdle({ timeoutMs: 20_000 });

      expect(response.status).toBe(503);
      expect(json().busy.join(' ')).toContain(`${PREFIX}-wrong-key`);
    });

    it('reserves the admin prefix', async () => {
      expect((await get('/_local/other')).response.status).toBe(404);
      expect(
        (await get('/_local/stats', { method: 'POST' })).response.status,
      ).toBe(404);
    });

    it('writes the state file while running', () => {
      const state = JSON.parse(readFileSync(stateFilePath(repoRoot), 'utf8'));

      expect(state).toMatchObject({
        pid: process.pid,
        services: ['shop'],
        urls: cloud.urls,
      });
    });
    it('runs an isolated cloud beside it', async () => {
      const before = readFileSync(stateFilePath(repoRoot), 'utf8');
      const isolated = await startLocalCloud({
        repoRoot,
        ports: { http: 0, dynamodb: 0, sqs: 0, eventbridge: 0 },
        isolated: true,
        log: false,
      });
      const logDir = path.join(
        repoRoot,
        `.local-cloud/isolated-${process.pid}`,
      );
      const running = existsSync(logDir);
      const response = await fetch(`${isolated.urls.http}/_local/idle`);
      await response.arrayBuffer();
      await isolated.stop();

      expect(running).toBe(true);
      expect(response.status).toBe(200);
      expect(readFileSync(stateFilePath(repoRoot), 'utf8')).toBe(before);
      expect(existsSync(logDir)).toBe(false);
    });
  });

  describe('stop', () => {
    it('leaves no process or state file', async () => {
      const workers = (await cloud.stats()).memory.processes
        .filter((entry) => entry.name.startsWith('worker'))
        .map((entry) => entry.pid);

      await cloud.stop();

      expect(workers.length).toBeGreaterThan(0);
      for (const pid of workers) expect(isAlive(pid)).toBe(false);
      expect(existsSync(stateFilePath(repoRoot))).toBe(false);
      await expect(fetch(`${cloud.urls.http}/products/a`)).rejects.toThrow();
      await expect(fetch(cloud.urls.sqs)).rejects.toThrow();
    });

    it('can be called again', async () => {
      await expect(cloud.stop()).resolves.toBeUndefined();
    });
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
