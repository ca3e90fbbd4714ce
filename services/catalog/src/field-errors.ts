import type { z } from 'zod';

/** One invalid field of a request, as 422 responses list them. */
export interface FieldError {
  /** Path in the request body, such as `price.amount` or `tags[2]`. */
  field: string;
  problem: string;
}

/**
 * Lists every problem of a failed zod parse by field. A problem with the
 * whole value is reported under `rootName`, and an unknown key under its
 * own name.
 */
export function toFieldErrors(
  error: z.ZodError,
  rootName = '(body)',
): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: formatPath([...issue.path, key], rootName),
        problem: 'unknown field: remove it',
      }));
    }
    return [
      { field: formatPath(issue.path, rootName), problem: issue.message },
    ];
  });
}

/** Joins field errors into one line for an error message. */
export function describeFieldErrors(errors: FieldError[]): string {
  return errors.map((error) => `${error.field}: ${error.problem}`).join('; ');
}

function formatPath(path: PropertyKey[], rootName: string): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else {
      text += text === '' ? String(segment) : `.${String(segment)}`;
    }
  }
  return text === '' ? rootName : text;
}
