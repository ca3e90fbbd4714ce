import { type HttpRequest, ValidationError } from '@retail/shared';

/** The maximum id length, as in the events' schemas. */
const MAX_ID_LENGTH = 64;

/**
 * Returns a path parameter that is an order or customer id. Throws a 422
 * ValidationError for an empty or longer id, before it reaches DynamoDB,
 * which would reject a key over its size limit with a server error.
 */
export function idParam(
  request: HttpRequest,
  name: 'orderId' | 'customerId',
): string {
  const value = request.params[name] ?? '';
  if (value.length === 0 || value.length > MAX_ID_LENGTH) {
    throw new ValidationError(
      `invalid ${name} in the path: expected 1 to ${MAX_ID_LENGTH} characters, got ${value.length}`,
      { statusCode: 422, details: { field: name } },
    );
  }
  return value;
}
