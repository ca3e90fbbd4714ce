import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lambdaContext } from '@retail/testing';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';

type HttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

type ConsumerHandler = (
  event: SQSEvent,
  context: Context,
) => Promise<SQSBatchResponse>;

export interface HttpResult<TBody> {
  statusCode: number;
  body: TBody;
}

/** Invokes an HTTP handler and parses the JSON body of its response. */
export async function invokeHttp<TBody = Record<string, unknown>>(
  handler: HttpHandler,
  event: APIGatewayProxyEventV2,
  context: Context = lambdaContext({ timeoutMs: 10_000 }),
): Promise<HttpResult<TBody>> {
  const response = await handler(event, context);
  return {
    statusCode: response.statusCode ?? 200,
    body: JSON.parse(response.body ?? 'null') as TBody,
  };
}

export function invokeConsumer(
  handler: ConsumerHandler,
  event: SQSEvent,
): Promise<SQSBatchResponse> {
  return handler(event, lambdaContext({ timeoutMs: 30_000 }));
}

const EVENTS_DIR = path.resolve(__dirname, '../../events');

/** Reads one of the service's events/*.json samples. */
export function readSample<TEvent>(name: string): TEvent {
  const file = path.join(EVENTS_DIR, name);
  return JSON.parse(readFileSync(file, 'utf8')) as TEvent;
}
