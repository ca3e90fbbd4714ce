import { httpEvent, lambdaContext } from '@retail/testing';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { createHttpHandler } from '../../src/handlers/http';

/** The HTTP function that createHttpHandler builds. */
export type HttpHandler = ReturnType<typeof createHttpHandler>;

/** A response with its JSON body parsed. */
export interface ParsedResponse {
  statusCode: number;
  headers: Record<string, string | number | boolean>;
  body: unknown;
}

/** Runs an API Gateway event through the HTTP handler. */
export async function invokeEvent(
  handler: HttpHandler,
  event: APIGatewayProxyEventV2,
): Promise<ParsedResponse> {
  const response = await handler(event, lambdaContext());
  return {
    statusCode: response.statusCode ?? 200,
    headers: response.headers ?? {},
    body: response.body === undefined ? undefined : JSON.parse(response.body),
  };
}

/** Sends a request to the HTTP handler, as API Gateway would. */
export function invoke(
  handler: HttpHandler,
  method: string,
  path: string,
  options: { body?: unknown; query?: Record<string, string> } = {},
): Promise<ParsedResponse> {
  return invokeEvent(handler, httpEvent(method, path, options));
}
