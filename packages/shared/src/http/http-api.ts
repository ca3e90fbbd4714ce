import type { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import httpRouterHandler, { type Method } from '@middy/http-router';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import {
  describeError,
  type PlatformError,
  ROUTE_NOT_FOUND,
  statusCodeOf,
  ValidationError,
} from '../errors';

/** A request as a route handler receives it. Header names are lowercase. */
export interface HttpRequest {
  event: APIGatewayProxyEventV2;
  context: Context;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Returns a header's value whatever the letter case of its name. */
  header(name: string): string | undefined;
  /** The body as text, decoded when API Gateway sent it base64-encoded. */
  body: string | undefined;
}

export interface HttpResponse {
  statusCode: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (request: HttpRequest) => Promise<HttpResponse>;

export interface HttpRoute {
  method: Method;
  path: string;
  handler: RouteHandler;
}

type HttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Creates the single HTTP function of a service: routes API Gateway HTTP
 * API (payload 2.0) requests in code, returns JSON, and maps errors to
 * status codes. 4xx responses carry the error's message. Any other error
 * is logged and thrown again, so that Lambda's Errors metric, which the
 * release alarms watch, counts it. API Gateway then responds 500 with a
 * generic message.
 */
export function createHttpApi(options: {
  routes: HttpRoute[];
  logger: Logger;
}) {
  const router = httpRouterHandler<
    APIGatewayProxyEventV2,
    APIGatewayProxyStructuredResultV2
  >({
    routes: options.routes.map((route) => ({
      method: route.method,
      path: route.path,
      handler: wrapRoute(route.handler, options.logger),
    })),
    notFoundResponse: ({ method, path }) =>
      json(404, {
        message: `no route for ${method} ${path}`,
        code: ROUTE_NOT_FOUND,
      }),
  });

  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .before((request) => {
      options.logger.addContext(request.context);
    })
    .handler(router as unknown as HttpHandler);
}

function wrapRoute(handler: RouteHandler, logger: Logger): HttpHandler {
  return async (event, context) => {
    try {
      const response = await handler(toRequest(event, context));
      return json(response.statusCode, response.body, response.headers);
    } catch (error) {
      return clientErrorResponse(error, event, logger);
    }
  };
}

function toRequest(
  event: APIGatewayProxyEventV2,
  context: Context,
): HttpRequest {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers.set(name.toLowerCase(), value);
  }

  return {
    event,
    context,
    params: definedValues(event.pathParameters),
    query: definedValues(event.queryStringParameters),
    header: (name) => headers.get(name.toLowerCase()),
    body: decodeBody(event),
  };
}

function decodeBody(event: APIGatewayProxyEventV2): string | undefined {
  if (event.body === undefined || event.body === null) return undefined;
  if (!event.isBase64Encoded) return event.body;
  return Buffer.from(event.body, 'base64').toString('utf8');
}

function definedValues(
  record: Record<string, string | undefined> | undefined,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(record ?? {})) {
    if (value !== undefined) result[key] = decodeParameter(key, value);
  }
  return result;
}

/**
 * Decodes one percent-encoded parameter. A malformed escape such as a bare
 * `%` is the client's error, so it raises a 400, never a server error.
 */
function decodeParameter(name: string, value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ValidationError(
      `invalid percent-encoding in parameter ${name}: "${value}"; encode "%" as "%25"`,
      { details: { parameter: name } },
    );
  }
}

/** Returns the 4xx response of a client error, or throws any other error. */
function clientErrorResponse(
  error: unknown,
  event: APIGatewayProxyEventV2,
  logger: Logger,
): APIGatewayProxyStructuredResultV2 {
  const statusCode = statusCodeOf(error);
  const route =
    event.routeKey ?? `${event.requestContext?.http?.method} ${event.rawPath}`;
  if (statusCode >= 500) {
    logger.error('request failed', { route, error: describeError(error) });
    throw error;
  }

  const platformError = error as PlatformError;
  logger.info('request rejected', {
    route,
    statusCode,
    reason: platformError.message,
  });
  return json(statusCode, {
    message: platformError.message,
    code: platformError.code,
    ...platformError.details,
  });
}

/** Builds a JSON response. */
export function json(
  statusCode: number,
  body?: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}
