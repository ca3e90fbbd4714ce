import { randomUUID } from 'node:crypto';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { ROUTE_NOT_FOUND } from '../errors';
import type { EventPayload, EventType } from '../events/contracts';
import { createEnvelope, EVENT_SOURCES } from '../events/envelope';

/**
 * A request to which a new HTTP function version must respond with
 * `expectStatus` before it takes traffic. It must change nothing, so it
 * reads a key that does not exist or sends a body that validation rejects.
 */
export interface HttpReleaseCheck {
  target: 'http';
  /** The route as declared in serverless.yml, such as `GET /orders/{id}`. */
  routeKey: string;
  /** The path sent, with every parameter filled in. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  expectStatus: number;
}

/**
 * An event that a new consumer version must accept. It travels with the
 * release-check source, so the consumer validates and routes it but does
 * not run its handler (see createQueueConsumer).
 */
export interface ConsumerReleaseCheck<TType extends EventType = EventType> {
  target: 'consumer';
  type: TType;
  payload: EventPayload<TType>;
}

export type ReleaseCheck = HttpReleaseCheck | ConsumerReleaseCheck;

export type ReleaseTarget = ReleaseCheck['target'];

/** Builds a check of one HTTP route. */
export function httpCheck(
  routeKey: string,
  path: string,
  expectStatus: number,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): HttpReleaseCheck {
  return { target: 'http', routeKey, path, expectStatus, ...options };
}

/** Builds a consumer check with the payload typed by its event type. */
export function consumerCheck<TType extends EventType>(
  type: TType,
  payload: EventPayload<TType>,
): ConsumerReleaseCheck<TType> {
  return { target: 'consumer', type, payload };
}

/** A valid payload of each event type, for consumer checks. */
const SAMPLE_PAYLOADS: { [TType in EventType]: EventPayload<TType> } = {
  ProductUpserted: {
    sku: 'RELEASE-CHECK',
    name: 'Release check',
    price: { amount: 100, currency: 'GBP' },
    active: false,
    revision: 1,
  },
  ProductDeleted: { sku: 'RELEASE-CHECK', revision: 1 },
  OrderPlaced: {
    orderId: 'release-check',
    customerId: 'release-check',
    lines: [{ sku: 'RELEASE-CHECK', quantity: 1 }],
    total: { amount: 100, currency: 'GBP' },
  },
  OrderCancelled: {
    orderId: 'release-check',
    customerId: 'release-check',
    reason: 'release-check',
  },
  OrderConfirmed: {
    orderId: 'release-check',
    customerId: 'release-check',
    total: { amount: 100, currency: 'GBP' },
    lineCount: 1,
  },
  OrderRejected: {
    orderId: 'release-check',
    customerId: 'release-check',
    reason: 'OUT_OF_STOCK',
    sku: 'RELEASE-CHECK',
  },
  StockReserved: { orderId: 'release-check' },
  StockRejected: {
    orderId: 'release-check',
    reason: 'OUT_OF_STOCK',
    sku: 'RELEASE-CHECK',
    requested: 1,
    available: 0,
  },
  StockDepleted: { sku: 'RELEASE-CHECK', available: 0 },
  StockReplenished: { sku: 'RELEASE-CHECK', available: 1 },
};

/** Builds one consumer check per event type, each with a valid payload. */
export function consumerChecks(...types: EventType[]): ConsumerReleaseCheck[] {
  return types.map((type) => consumerCheck(type, SAMPLE_PAYLOADS[type]));
}

/** Names a check in logs and in the hook's failure report. */
export function describeCheck(check: ReleaseCheck): string {
  return check.target === 'http'
    ? `${check.routeKey} (${check.path})`
    : `${check.type} event`;
}

/** The Lambda event a check sends to the new version. */
export function releaseCheckEvent(
  check: ReleaseCheck,
): APIGatewayProxyEventV2 | SQSEvent {
  return check.target === 'http' ? httpEvent(check) : sqsEvent(check);
}

/**
 * Returns why the new version failed a check, or undefined when it
 * passed. `response` is the handler's result; `functionError` is set when
 * the invocation itself failed, as Lambda's X-Amz-Function-Error is.
 */
export function releaseCheckFailure(
  check: ReleaseCheck,
  response: unknown,
  functionError?: string,
): string | undefined {
  const name = describeCheck(check);
  if (functionError) {
    return `${name}: the function failed (${functionError}): ${JSON.stringify(response)}`;
  }
  if (check.target === 'http') {
    const result = response as APIGatewayProxyStructuredResultV2 | undefined;
    // A route the new version lost returns 404 too, which must not pass
    // a check that expects 404 for a missing item.
    if (codeOf(result?.body) === ROUTE_NOT_FOUND) {
      return `${name}: the new version has no such route`;
    }
    const status = result?.statusCode;
    return status === check.expectStatus
      ? undefined
      : `${name}: expected status ${check.expectStatus}, got ${status ?? 'no status'}`;
  }
  const failures = (response as SQSBatchResponse | undefined)
    ?.batchItemFailures;
  if (!Array.isArray(failures)) {
    return `${name}: expected a partial batch response, got ${JSON.stringify(response)}`;
  }
  return failures.length === 0
    ? undefined
    : `${name}: the record was reported failed`;
}

/** Reads the `code` of a JSON error body, if there is one. */
function codeOf(body: unknown): unknown {
  if (typeof body !== 'string') return undefined;
  try {
    return (JSON.parse(body) as { code?: unknown } | null)?.code;
  } catch {
    return undefined;
  }
}

function httpEvent(check: HttpReleaseCheck): APIGatewayProxyEventV2 {
  const [method = '', routePath = ''] = check.routeKey.split(' ');
  const pathParameters = matchPathParameters(routePath, check.path);
  if (!pathParameters) {
    throw new TypeError(
      `release check path ${check.path} does not match route ${check.routeKey}: fill in every {parameter} of the route`,
    );
  }
  const now = new Date();
  return {
    version: '2.0',
    routeKey: check.routeKey,
    rawPath: check.path,
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'retail-release-check',
      ...check.headers,
    },
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: 'release-check',
      apiId: 'release-check',
      domainName: 'release-check',
      domainPrefix: 'release-check',
      http: {
        method,
        path: check.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'retail-release-check',
      },
      requestId: randomUUID(),
      routeKey: check.routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(check.body === undefined ? {} : { body: JSON.stringify(check.body) }),
    isBase64Encoded: false,
  };
}

/** Reads `{name}` segments of a route from a path; undefined if unmatched. */
function matchPathParameters(
  routePath: string,
  path: string,
): Record<string, string> | undefined {
  const routeSegments = routePath.split('/');
  const pathSegments = path.split('/');
  if (routeSegments.length !== pathSegments.length) return undefined;
  const parameters: Record<string, string> = {};
  for (const [index, segment] of routeSegments.entries()) {
    const value = pathSegments[index] ?? '';
    const parameter = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (parameter) {
      if (!value) return undefined;
      parameters[parameter] = value;
    } else if (segment !== value) {
      return undefined;
    }
  }
  return parameters;
}

function sqsEvent(check: ConsumerReleaseCheck): SQSEvent {
  const envelope = createEnvelope(
    EVENT_SOURCES.releaseCheck,
    check.type,
    check.payload,
  );
  const now = String(Date.now());
  return {
    Records: [
      {
        messageId: randomUUID(),
        receiptHandle: 'release-check',
        body: JSON.stringify({
          version: '0',
          id: randomUUID(),
          'detail-type': check.type,
          source: EVENT_SOURCES.releaseCheck,
          account: 'release-check',
          time: envelope.time,
          region: 'release-check',
          resources: [],
          detail: envelope,
        }),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: now,
          SenderId: 'release-check',
          ApproximateFirstReceiveTimestamp: now,
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'release-check',
        awsRegion: 'release-check',
      },
    ],
  };
}
