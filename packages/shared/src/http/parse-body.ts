import type { z } from 'zod';
import { describeIssues } from '../consumer/parse-record';
import { ValidationError } from '../errors';
import type { HttpRequest } from './http-api';

/**
 * Parses a JSON request body against a schema. Throws ValidationError:
 * 400 when the body is missing or not JSON, 422 when it breaks the schema,
 * with every invalid field and its problem in the message.
 */
export function parseJsonBody<TSchema extends z.ZodType>(
  request: HttpRequest,
  schema: TSchema,
): z.infer<TSchema> {
  if (request.body === undefined || request.body.trim() === '') {
    throw new ValidationError('request body is missing: send a JSON object');
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch (error) {
    throw new ValidationError(
      `request body is not valid JSON (${(error as Error).message}): send a JSON object`,
      { cause: error },
    );
  }

  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new ValidationError(
      `request body is invalid: ${describeIssues(result.error)}`,
      { statusCode: 422 },
    );
  }
  return result.data;
}
