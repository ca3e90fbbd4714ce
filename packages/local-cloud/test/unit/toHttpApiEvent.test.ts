import {
  type HttpRequest,
  toHttpApiEvent,
} from '../../src/http/toHttpApiEvent';
import { toHttpResponse } from '../../src/http/toHttpResponse';

function request(overrides: Partial<HttpRequest> = {}): HttpRequest {
  return {
    method: 'POST',
    url: '/orders/o-1?tag=a&tag=b&q=hello%20world&empty=',
    rawHeaders: [
      'Host',
      'api.example.com:3000',
      'Content-Type',
      'application/json',
      'X-Trace',
      'one',
      'x-trace',
      'two',
      'Cookie',
      'session=abc; theme=dark',
      'User-Agent',
      'test-agent',
    ],
    httpVersion: '1.1',
    remoteAddress: '::ffff:127.0.0.1',
    body: Buffer.from('{"a":1}'),
    ...overrides,
  };
}

const route = {
  routeKey: 'POST /orders/{orderId}',
  functionName: 'fn',
  pathParameters: { orderId: 'o-1' },
};

describe('toHttpApiEvent', () => {
  const now = new Date('2020-03-12T19:03:58.123Z');
  const event = toHttpApiEvent(request(), route, now);

  it('has the version 2.0 top-level fields', () => {
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('POST /orders/{orderId}');
    expect(event.rawPath).toBe('/orders/o-1');
    expect(event.rawQueryString).toBe('tag=a&tag=b&q=hello%20world&empty=');
    expect(event.pathParameters).toEqual({ orderId: 'o-1' });
    expect(event).not.toHaveProperty('stageVariables');
  });

  it('lowercases headers and joins repeats with commas', () => {
    expect(event.headers).toEqual({
      host: 'api.example.com:3000',
      'content-type': 'application/json',
      'x-trace': 'one,two',
      'user-agent': 'test-agent',
    });
  });

  it('moves cookies out of the headers', () => {
    expect(event.cookies).toEqual(['session=abc', 'theme=dark']);
  });

  it('decodes query parameters and joins repeats', () => {
    expect(event.queryStringParameters).toEqual({
      tag: 'a,b',
      q: 'hello world',
      empty: '',
    });
  });

  it('fills the request context', () => {
    expect(event.requestContext).toEqual({
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: {
        method: 'POST',
        path: '/orders/o-1',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test-agent',
      },
      requestId: expect.any(String),
      routeKey: 'POST /orders/{orderId}',
      stage: '$default',
      time: '12/Mar/2020:19:03:58 +0000',
      timeEpoch: now.getTime(),
    });
  });

  it('passes a JSON body as text', () => {
    expect(event.body).toBe('{"a":1}');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('base64-encodes a binary body', () => {
    const binary = toHttpApiEvent(
      request({
        rawHeaders: ['Content-Type', 'application/octet-stream'],
        body: Buffer.from([0, 255, 1]),
      }),
      route,
    );

    expect(binary.body).toBe('AP8B');
    expect(binary.isBase64Encoded).toBe(true);
  });

  it('omits empty body, cookies, query', () => {
    const bare = toHttpApiEvent(
      request({ url: '/orders/o-1', rawHeaders: [], body: Buffer.alloc(0) }),
      route,
    );

    expect(bare).not.toHaveProperty('body');
    expect(bare.isBase64Encoded).toBe(false);
    expect(bare.cookies).toBeUndefined();
    expect(bare.queryStringParameters).toBeUndefined();
    expect(bare.rawQueryString).toBe('');
  });
});

describe('toHttpResponse', () => {
  it('maps a structured result', () => {
    const response = toHttpResponse({
      statusCode: 201,
      headers: { 'X-Id': 'o-1', 'Retry-After': 5 },
      cookies: ['a=1', 'b=2; Path=/'],
      body: '{"ok":true}',
    });

    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual({
      'x-id': 'o-1',
      'retry-after': '5',
      'set-cookie': ['a=1', 'b=2; Path=/'],
    });
    expect(response.body.toString()).toBe('{"ok":true}');
  });

  it('decodes a base64 body', () => {
    const response = toHttpResponse({
      statusCode: 200,
      body: 'AP8B',
      isBase64Encoded: true,
    });

    expect([...response.body]).toEqual([0, 255, 1]);
  });

  it('sends an empty body when the result has none', () => {
    expect(toHttpResponse({ statusCode: 204 }).body.length).toBe(0);
  });

  it.each([
    ['an object without statusCode', { hello: 'world' }, '{"hello":"world"}'],
    ['a string', 'hi', '"hi"'],
    ['a number', 42, '42'],
    ['undefined', undefined, 'null'],
    ['a list', [1, 2], '[1,2]'],
  ])('sends %s as JSON with status 200', (_, result, body) => {
    const response = toHttpResponse(result);

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.body.toString()).toBe(body);
  });

  it('answers 500 for invalid statusCode', () => {
    const response = toHttpResponse({ statusCode: 'soon' });

    expect(response.statusCode).toBe(500);
    expect(response.body.toString()).toBe(
      '{"message":"Internal Server Error"}',
    );
  });
});
