import { createServer, type ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import { closeServer, listen } from '../servers/listen';
import { readBody } from '../servers/readBody';
import { type EventBus, PutEventsRequestError } from './EventBus';

export interface EventBridgeServer {
  endpoint: string;
  stop(): Promise<void>;
}

const PUT_EVENTS_TARGET = 'AWSEvents.PutEvents';
const CONTENT_TYPE = 'application/x-amz-json-1.1';

/**
 * Starts an EventBridge endpoint that implements PutEvents only, in the
 * AWS JSON 1.1 protocol that the AWS SDKs use.
 */
export async function startEventBridge(
  port: number,
  bus: EventBus,
  log: Logger,
): Promise<EventBridgeServer> {
  const server = createServer((incoming, response) => {
    readBody(incoming)
      .then((body) => {
        const target = incoming.headers['x-amz-target'];
        return handlePutEvents(target, body, bus, response);
      })
      .catch((error) => {
        log.error('EventBridge request failed', { error });
        sendError(response, 500, 'InternalException', 'Internal error.');
      });
  });
  const endpoint = await listen(server, port, 'EventBridge');
  return { endpoint, stop: () => closeServer(server) };
}

async function handlePutEvents(
  target: string | string[] | undefined,
  body: Buffer,
  bus: EventBus,
  response: ServerResponse,
): Promise<void> {
  if (target !== PUT_EVENTS_TARGET) {
    sendError(
      response,
      400,
      'UnknownOperationException',
      `the local EventBridge implements only PutEvents, got ${String(target)}`,
    );
    return;
  }

  let input: { Entries?: unknown };
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    sendError(
      response,
      400,
      'SerializationException',
      'Start of structure or map found where not expected.',
    );
    return;
  }

  try {
    sendJson(response, 200, await bus.putEvents(input.Entries));
  } catch (error) {
    if (!(error instanceof PutEventsRequestError)) throw error;
    sendError(response, 400, error.code, error.message);
  }
}

function sendError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  response.setHeader('x-amzn-ErrorType', code);
  sendJson(response, status, { __type: code, message });
}

function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
