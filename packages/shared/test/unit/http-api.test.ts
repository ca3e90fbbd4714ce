import { httpEvent, lambdaContext } from '@retail/testing';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { ConflictError, NotFoundError } from '../../src/errors';
import { createHttpApi } from '../../src/http/http-api';
import { parseJsonBody } from '../../src/http/parse-body';
import { createLogger } from '../../src/observability/logger';

const bodySchema = z.object({ sku: z.string(), quantity: z.number().int() });

function api() {
  return createHttpApi({
    logger: createLogger('test'),
    routes: [
      {
        method: 'GET',
        path: '/items/{id}',
        handler: async (request) => ({
          statusCode: 200,
          body: {
            id: request.params.id,
            key: request.header('Idempotency-Key'),
          },
        }),
      },
      {
        method: 'POST',
        path: '/items',
        handler: async (request) => ({
          statusCode: 201,
          body: parseJsonBody(request, bodySchema),
        }),
      },
      {
        method: 'GET',
        path: '/missing',
        handler: async () => {
          throw new NotFoundError('item x not found', { id: 'x' });
        },
      },
      {
        method: 'GET',
        path: '/conflict',
        handler: async () => {
          throw new ConflictError('item x changed');
        },
      },
      {
        method: 'GET',
        path: '/broken',
        handler: async () => {
          throw new Error('secret connection string');
        },
      },
    ],
  });
}

async function call(
  method: string,
  path: string,
  options: Parameters<typeof httpEvent>[2] = {},
): Promise<{ statusCode: number | undefined; body: Record<string, unknown> }> {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const result = (await api()(
    httpEvent(method, path, options),
    lambdaContext(),
  )) as APIGatewayProxyStructuredResultV2;
  return {
    statusCode: result.statusCode,
    body: JSON.parse(result.body ?? '{}') as Record<string, unknown>,
  };
}

describe('createHttpApi', () => {
  test('routes by method and path', async () => {
    const response = await call('GET', '/items/abc');

    expect(response.statusCode).toBe(200);
    expect(response.body.id).toBe('abc');
  });

  test('finds headers whatever their case', async () => {
    const response = await call('GET', '/items/abc', {
      headers: { 'IDEMPOTENCY-KEY': 'k-1' },
    });

    expect(response.body.key).toBe('k-1');
  });

  test('returns 404 for an unknown route', async () => {
    const response = await call('GET', '/nothing');

    expect(response.statusCode).toBe(404);
    expect(response.body.message).toBe('no route for GET /nothing');
    expect(response.body.code).toBe('ROUTE_NOT_FOUND');
  });

  // A server error would count against a release, so client input must
  // never cause one.
  test('rejects a malformed escape with 400', async () => {
    const path = await call('GET', '/items/abc%');
    const query = await call('GET', '/items/a', { query: { q: '100%' } });

    expect(path.statusCode).toBe(400);
    expect(path.body.message).toBe(
      'invalid percent-encoding in parameter id: "abc%"; encode "%" as "%25"',
    );
    expect(query.statusCode).toBe(400);
  });

  test('shows the message of a 4xx error', async () => {
    const missing = await call('GET', '/missing');
    const conflict = await call('GET', '/conflict');

    expect(missing.statusCode).toBe(404);
    expect(missing.body).toEqual({
      message: 'item x not found',
      code: 'NOT_FOUND',
      id: 'x',
    });
    expect(conflict.statusCode).toBe(409);
  });

  // A 5xx that the function returned would not count in Lambda's Errors
  // metric, so a release whose every request fails would not roll back.
  test('throws a server error again', async () => {
    await expect(call('GET', '/broken')).rejects.toThrow(
      'secret connection string',
    );
  });
});

describe('parseJsonBody', () => {
  test('rejects a body that is not JSON with 400', async () => {
    const response = await call('POST', '/items', { body: '{"sku":' });

    expect(response.statusCode).toBe(400);
    expect(response.body.message).toMatch(/not valid JSON/);
  });

  test('rejects a missing body with 400', async () => {
    const response = await call('POST', '/items');

    expect(response.statusCode).toBe(400);
    expect(response.body.message).toMatch(/missing/);
  });

  test('names each invalid field with 422', async () => {
    const response = await call('POST', '/items', {
      body: { sku: 'A', quantity: 'two' },
    });

    expect(response.statusCode).toBe(422);
    expect(response.body.message).toMatch(/quantity: /);
  });

  test('decodes a base64 body', async () => {
    const event = httpEvent('POST', '/items', {});
    event.body = Buffer.from('{"sku":"A","quantity":2}').toString('base64');
    event.isBase64Encoded = true;

    const result = (await api()(
      event,
      lambdaContext(),
    )) as APIGatewayProxyStructuredResultV2;

    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body ?? '')).toEqual({ sku: 'A', quantity: 2 });
  });
});
