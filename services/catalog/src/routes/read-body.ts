import {
  type HttpRequest,
  parseJsonBody,
  ValidationError,
} from '@retail/shared';
import { z } from 'zod';
import { describeFieldErrors, toFieldErrors } from '../field-errors';

/**
 * Parses a JSON request body against a schema. Throws ValidationError:
 * 400 when the body is missing or not JSON, 422 when it breaks the schema,
 * with `errors` listing each invalid field and its problem.
 */
export function readBody<TSchema extends z.ZodType>(
  request: HttpRequest,
  schema: TSchema,
): z.infer<TSchema> {
  const body = parseJsonBody(request, z.unknown());

  const result = schema.safeParse(body);
  if (!result.success) {
    const errors = toFieldErrors(result.error);
    throw new ValidationError(
      `request body is invalid: ${describeFieldErrors(errors)}`,
      { statusCode: 422, details: { errors } },
    );
  }
  return result.data;
}
