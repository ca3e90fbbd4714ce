/**
 * Base class of every error the platform raises on purpose. It carries a
 * stable `code`, the ids involved in `details`, and the underlying `cause`.
 */
export class PlatformError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(
    code: string,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** A request or event that breaks its schema. HTTP 400 or 422. */
export class ValidationError extends PlatformError {
  readonly statusCode: 400 | 422;

  constructor(
    message: string,
    options: {
      statusCode?: 400 | 422;
      cause?: unknown;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super('VALIDATION_FAILED', message, options);
    this.statusCode = options.statusCode ?? 400;
  }
}

/** A resource that does not exist. HTTP 404. */
export class NotFoundError extends PlatformError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('NOT_FOUND', message, { details });
  }
}

/** A request that conflicts with the resource's current state. HTTP 409. */
export class ConflictError extends PlatformError {
  constructor(
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super('CONFLICT', message, options);
  }
}

/** The `code` of the 404 for a path that matches no route. */
export const ROUTE_NOT_FOUND = 'ROUTE_NOT_FOUND';

/** Returns the HTTP status code that an error maps to: 500 when unknown. */
export function statusCodeOf(error: unknown): number {
  if (error instanceof ValidationError) return error.statusCode;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  return 500;
}

/** Describes any thrown value, including non-Error values, for logs. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const text = `${error.name}: ${error.message}`;
    // The cause often names the real failure, such as a missing table.
    return error.cause === undefined
      ? text
      : `${text} (cause: ${describeError(error.cause)})`;
  }
  if (error === undefined) return 'undefined was thrown';
  try {
    return `non-Error value was thrown: ${JSON.stringify(error)}`;
  } catch {
    return `non-Error value was thrown: ${String(error)}`;
  }
}
