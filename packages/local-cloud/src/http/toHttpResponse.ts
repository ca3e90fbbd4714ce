/** An HTTP response ready to send. */
export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** The response API Gateway sends when the integration fails. */
export const INTERNAL_SERVER_ERROR: HttpResponse = jsonResponse(500, {
  message: 'Internal Server Error',
});

export const NOT_FOUND: HttpResponse = jsonResponse(404, {
  message: 'Not Found',
});

/**
 * Maps a function result to an HTTP response as an HTTP API does with
 * payload format 2.0. An object with a statusCode gives the status,
 * headers, cookies (as Set-Cookie headers) and body, which is decoded when
 * isBase64Encoded is true. Any other value is sent as JSON with status
 * 200. A statusCode that is not an HTTP status gives a 500, which is how
 * API Gateway responds to a malformed Lambda response.
 */
export function toHttpResponse(result: unknown): HttpResponse {
  if (!isObject(result) || !('statusCode' in result)) {
    const body = JSON.stringify(result) ?? 'null';
    return {
      statusCode: 200,
      headers: { ...JSON_TYPE },
      body: Buffer.from(body),
    };
  }

  const statusCode = Number(result.statusCode);
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    return INTERNAL_SERVER_ERROR;
  }
  return {
    statusCode,
    headers: readHeaders(result.headers, result.cookies),
    body: readBody(result.body, result.isBase64Encoded === true),
  };
}

export function jsonResponse(statusCode: number, value: unknown): HttpResponse {
  return {
    statusCode,
    headers: { ...JSON_TYPE },
    body: Buffer.from(JSON.stringify(value)),
  };
}

function readHeaders(
  headers: unknown,
  cookies: unknown,
): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(
    isObject(headers) ? headers : {},
  )) {
    result[name.toLowerCase()] = String(value);
  }
  if (Array.isArray(cookies) && cookies.length > 0) {
    result['set-cookie'] = cookies.map(String);
  }
  return result;
}

function readBody(body: unknown, isBase64Encoded: boolean): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);

  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return Buffer.from(text, isBase64Encoded ? 'base64' : 'utf8');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
