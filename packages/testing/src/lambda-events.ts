import { randomUUID } from 'node:crypto';
import type {
  APIGatewayProxyEventV2,
  Context,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';

/** A Lambda context for a function with the given name and timeout. */
export function lambdaContext(
  overrides: Partial<Context> & { timeoutMs?: number } = {},
): Context {
  const deadline = Date.now() + (overrides.timeoutMs ?? 30_000);
  const functionName = overrides.functionName ?? 'test-function';
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'test',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
    ...overrides,
  };
}

/** An SQS record as Lambda's event source mapping delivers it. */
export function sqsRecord(
  body: string | object,
  overrides: Partial<SQSRecord> & { receiveCount?: number } = {},
): SQSRecord {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const { receiveCount, ...rest } = overrides;
  return {
    messageId: randomUUID(),
    receiptHandle: randomUUID(),
    body: text,
    attributes: {
      ApproximateReceiveCount: String(receiveCount ?? 1),
      SentTimestamp: String(Date.now()),
      SenderId: 'AIDATEST',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:test-queue',
    awsRegion: 'us-east-1',
    ...rest,
  };
}

export function sqsEvent(records: SQSRecord[]): SQSEvent {
  return { Records: records };
}

/**
 * Wraps an envelope the way EventBridge delivers it to an SQS target:
 * the envelope is the `detail` of an EventBridge event.
 */
export function eventBridgeBody(envelope: {
  id: string;
  type: string;
  source: string;
  time: string;
}): object {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': envelope.type,
    source: envelope.source,
    account: '000000000000',
    time: envelope.time,
    region: 'us-east-1',
    resources: [],
    detail: envelope,
  };
}

/** An API Gateway HTTP API (payload 2.0) request event. */
export function httpEvent(
  method: string,
  path: string,
  options: {
    body?: unknown;
    headers?: Record<string, string>;
    query?: Record<string, string>;
    routeKey?: string;
  } = {},
): APIGatewayProxyEventV2 {
  const rawQueryString = new URLSearchParams(options.query ?? {}).toString();
  const body =
    options.body === undefined || typeof options.body === 'string'
      ? options.body
      : JSON.stringify(options.body);
  return {
    version: '2.0',
    routeKey: options.routeKey ?? `${method} ${path}`,
    rawPath: path,
    rawQueryString,
    headers: {
      'content-type': 'application/json',
      ...lowercaseKeys(options.headers ?? {}),
    },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'jest',
      },
      requestId: randomUUID(),
      routeKey: options.routeKey ?? `${method} ${path}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  };
}

function lowercaseKeys(
  headers: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}
