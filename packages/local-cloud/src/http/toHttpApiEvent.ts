import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ACCOUNT_ID } from '../awsConstants';
import type { RouteMatch } from './RouteTable';

/** The parts of an HTTP request the event is built from. */
export interface HttpRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  /** Header names and values in arrival order, as Node's rawHeaders. */
  rawHeaders: string[];
  httpVersion: string;
  remoteAddress: string | undefined;
  body: Buffer;
}

/** The API id in events; real ones are 10 lowercase letters and digits. */
export const LOCAL_API_ID = 'local';

/**
 * Content types whose bodies the event carries as text. Other bodies are
 * base64-encoded, with isBase64Encoded true.
 * NOTE: this list approximates API Gateway, which documents no such list
 * for HTTP APIs. Handlers that decode base64 when isBase64Encoded is true
 * work either way.
 */
const TEXT_TYPES = [
  /^text\//,
  /^application\/(json|xml|javascript|x-www-form-urlencoded)\b/,
  /\+(json|xml)\b/,
];

/** Builds an API Gateway HTTP API event, payload format version 2.0. */
export function toHttpApiEvent(
  request: HttpRequest,
  route: RouteMatch,
  now: Date = new Date(),
): APIGatewayProxyEventV2 {
  const queryAt = request.url.indexOf('?');
  const rawPath = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const rawQueryString = queryAt === -1 ? '' : request.url.slice(queryAt + 1);
  const { headers, cookies } = readHeaders(request.rawHeaders);
  const domainName = (headers.host ?? 'localhost').replace(/:\d+$/, '');

  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    cookies,
    headers,
    queryStringParameters: readQuery(rawQueryString),
    pathParameters: route.pathParameters,
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: LOCAL_API_ID,
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: request.method,
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: (request.remoteAddress ?? '127.0.0.1').replace(
          /^::ffff:/,
          '',
        ),
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomBytes(10).toString('base64'),
      routeKey: route.routeKey,
      stage: '$default',
      time: formatRequestTime(now),
      timeEpoch: now.getTime(),
    },
    ...readBody(request.body, headers['content-type']),
  };
}

/**
 * Lowercases header names and joins repeated headers with commas. Cookie
 * headers go to `cookies`, one entry per cookie, and not to `headers`.
 */
function readHeaders(rawHeaders: string[]): {
  headers: Record<string, string>;
  cookies: string[] | undefined;
} {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];

  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? '').toLowerCase();
    const value = rawHeaders[index + 1] ?? '';
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((cookie) => cookie.trim())
          .filter(Boolean),
      );
      continue;
    }
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous},${value}`;
  }
  return { headers, cookies: cookies.length > 0 ? cookies : undefined };
}

/** Decodes query parameters, joining repeated ones with commas. */
function readQuery(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;

  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    const previous = parameters[name];
    parameters[name] = previous === undefined ? value : `${previous},${value}`;
  }
  return parameters;
}

function readBody(
  body: Buffer,
  contentType: string | undefined,
): { body?: string; isBase64Encoded: boolean } {
  if (body.length === 0) return { isBase64Encoded: false };

  const isText = TEXT_TYPES.some((type) =>
    type.test(contentType ?? 'text/plain'),
  );
  return isText
    ? { body: body.toString('utf8'), isBase64Encoded: false }
    : { body: body.toString('base64'), isBase64Encoded: true };
}

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** Formats a time as requestContext.time: `12/Mar/2020:19:03:58 +0000`. */
export function formatRequestTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = pad(date.getUTCDate());
  const month = MONTHS[date.getUTCMonth()];
  const clock = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
    .map(pad)
    .join(':');
  return `${day}/${month}/${date.getUTCFullYear()}:${clock} +0000`;
}
