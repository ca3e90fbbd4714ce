import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type ServerResponse,
} from 'node:http';
import { crc32 } from 'node:zlib';
import type { Logger } from '../logger';
import { CapacityMeter, reportsCapacity } from '../stats/CapacityMeter';
import { closeServer, listen } from './listen';
import { readBody } from './readBody';

export interface DynamoDbMeterOptions {
  port: number;
  /** The dynalite endpoint requests are forwarded to. */
  target: string;
  log: Logger;
}

export interface DynamoDbMeter {
  endpoint: string;
  meter: CapacityMeter;
  stop(): Promise<void>;
}

interface UpstreamResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Starts an HTTP proxy in front of dynalite. It sets ReturnConsumedCapacity
 * to TOTAL on every request that accepts it, or keeps the caller's INDEXES,
 * and sums the capacity units of the responses. ConsumedCapacity is
 * removed from responses whose request did not include it.
 */
export async function startDynamoDbMeter(
  options: DynamoDbMeterOptions,
): Promise<DynamoDbMeter> {
  const meter = new CapacityMeter();
  const agent = new Agent({ keepAlive: true });
  const target = new URL(options.target);
  const forward = (incoming: IncomingMessage, body: Buffer) =>
    forwardRequest(target, agent, incoming, body);

  const server = createServer((incoming, response) => {
    meterRequest(incoming, response, meter, forward).catch((error) => {
      options.log.error('DynamoDB proxy request failed', { error });
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
  });
  const endpoint = await listen(server, options.port, 'DynamoDB proxy');

  return {
    endpoint,
    meter,
    stop: async () => {
      await closeServer(server);
      agent.destroy();
    },
  };
}

async function meterRequest(
  incoming: IncomingMessage,
  response: ServerResponse,
  meter: CapacityMeter,
  forward: (
    incoming: IncomingMessage,
    body: Buffer,
  ) => Promise<UpstreamResponse>,
): Promise<void> {
  const body = await readBody(incoming);
  const operation = operationOf(incoming.headers['x-amz-target']);
  if (!operation) {
    sendResponse(response, await forward(incoming, body));
    return;
  }

  meter.countRequest(operation);
  const input = reportsCapacity(operation) ? parseJson(body) : undefined;
  if (!input) {
    sendResponse(response, await forward(incoming, body));
    return;
  }

  const callerMode = input.ReturnConsumedCapacity;
  input.ReturnConsumedCapacity = callerMode === 'INDEXES' ? 'INDEXES' : 'TOTAL';
  const upstream = await forward(incoming, Buffer.from(JSON.stringify(input)));
  sendResponse(
    response,
    recordCapacity(upstream, operation, callerMode, meter),
  );
}

/** Returns `PutItem` from `DynamoDB_20120810.PutItem`. */
function operationOf(
  target: string | string[] | undefined,
): string | undefined {
  if (typeof target !== 'string') return undefined;
  return target.split('.')[1];
}

function recordCapacity(
  upstream: UpstreamResponse,
  operation: string,
  callerMode: unknown,
  meter: CapacityMeter,
): UpstreamResponse {
  const output =
    upstream.statusCode === 200 ? parseJson(upstream.body) : undefined;
  if (!output) return upstream;

  meter.record(operation, output.ConsumedCapacity as never);
  if (callerMode === 'TOTAL' || callerMode === 'INDEXES') return upstream;

  delete output.ConsumedCapacity;
  return { ...upstream, body: Buffer.from(JSON.stringify(output)) };
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(body.toString('utf8'));
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

function forwardRequest(
  target: URL,
  agent: Agent,
  incoming: IncomingMessage,
  body: Buffer,
): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, 'content-length': body.length },
        agent,
      },
      (upstream) => {
        readBody(upstream)
          .then((data) =>
            resolve({
              statusCode: upstream.statusCode ?? 502,
              headers: upstream.headers,
              body: data,
            }),
          )
          .catch(reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * Sends an upstream response with Content-Length and the x-amz-crc32
 * checksum that DynamoDB clients may verify, both computed for the body
 * as sent.
 */
function sendResponse(
  response: ServerResponse,
  upstream: UpstreamResponse,
): void {
  const headers: IncomingHttpHeaders = { ...upstream.headers };
  delete headers['transfer-encoding'];
  delete headers.connection;
  delete headers['keep-alive'];
  headers['content-length'] = String(upstream.body.length);
  headers['x-amz-crc32'] = String(crc32(upstream.body));

  response.writeHead(upstream.statusCode, headers);
  response.end(upstream.body);
}
