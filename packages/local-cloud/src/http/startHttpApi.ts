import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { Logger } from '../logger';
import { closeServer, listen } from '../servers/listen';
import type { RouteTable } from './RouteTable';
import { toHttpApiEvent } from './toHttpApiEvent';
import {
  type HttpResponse,
  INTERNAL_SERVER_ERROR,
  jsonResponse,
  NOT_FOUND,
  toHttpResponse,
} from './toHttpResponse';

/** Paths under this prefix are the local cloud's own admin endpoints. */
export const ADMIN_PREFIX = '/_local/';

export interface HttpApiOptions {
  port: number;
  routes: RouteTable;
  invoke: (functionName: string, event: unknown) => Promise<unknown>;
  /** Handles requests under ADMIN_PREFIX; undefined gives a 404. */
  admin: (method: string, path: string) => Promise<HttpResponse | undefined>;
  log: Logger;
}

export interface HttpApiServer {
  endpoint: string;
  stop(): Promise<void>;
}

/** API Gateway's payload limit for HTTP APIs: 10 MB. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const PAYLOAD_TOO_LARGE = jsonResponse(413, {
  message: 'Request Entity Too Large',
});

/** Starts the HTTP API that serves every service's routes on one port. */
export async function startHttpApi(
  options: HttpApiOptions,
): Promise<HttpApiServer> {
  const server = createServer((incoming, response) => {
    handleRequest(incoming, options)
      .catch((error) => {
        options.log.error('HTTP API request failed', { error });
        return INTERNAL_SERVER_ERROR;
      })
      .then((result) => send(response, result));
  });
  const endpoint = await listen(server, options.port, 'HTTP API');
  return { endpoint, stop: () => closeServer(server) };
}

async function handleRequest(
  incoming: IncomingMessage,
  options: HttpApiOptions,
): Promise<HttpResponse> {
  const method = incoming.method ?? 'GET';
  const url = incoming.url ?? '/';
  const path = url.split('?')[0] ?? '/';
  if (path.startsWith(ADMIN_PREFIX)) {
    return (await options.admin(method, path)) ?? NOT_FOUND;
  }

  const route = options.routes.match(method, path);
  if (!route) return NOT_FOUND;

  const body = await readLimitedBody(incoming);
  if (!body) return PAYLOAD_TOO_LARGE;

  const event = toHttpApiEvent(
    {
      method,
      url,
      rawHeaders: incoming.rawHeaders,
      httpVersion: incoming.httpVersion,
      remoteAddress: incoming.socket.remoteAddress,
      body,
    },
    route,
  );
  const requestId = event.requestContext.requestId;
  try {
    const result = await options.invoke(route.functionName, event);
    return withRequestId(toHttpResponse(result), requestId);
  } catch (error) {
    options.log.warn('function failed; HTTP API returns 500', {
      function: route.functionName,
      routeKey: route.routeKey,
      requestId,
      error,
    });
    return withRequestId(INTERNAL_SERVER_ERROR, requestId);
  }
}

/** Adds the header in which API Gateway returns the request id. */
function withRequestId(
  response: HttpResponse,
  requestId: string,
): HttpResponse {
  return {
    ...response,
    headers: { ...response.headers, 'apigw-requestid': requestId },
  };
}

/** Reads a request body, or returns undefined when it exceeds the limit. */
async function readLimitedBody(
  incoming: IncomingMessage,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, result: HttpResponse): void {
  response.writeHead(result.statusCode, {
    ...result.headers,
    'content-length': String(result.body.length),
  });
  response.end(result.body);
}
