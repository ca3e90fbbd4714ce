import { FAKE_CREDENTIALS, REGION } from '../awsConstants';
import { EnvironmentConflictError } from '../errors';
import type { FunctionSpec } from '../template/readFunctions';

export interface StandInEndpoints {
  dynamodb: string;
  sqs: string;
  eventbridge: string;
}

/**
 * Builds the environment of a service's worker: the union of its
 * functions' Environment.Variables, then the variables Lambda sets, which
 * win. Throws EnvironmentConflictError when two functions give one
 * variable different values, because one process runs them all.
 */
export function buildServiceEnvironment(
  functions: FunctionSpec[],
  endpoints: StandInEndpoints,
  serviceDir: string,
): Record<string, string> {
  return {
    ...unionOfVariables(functions),
    ...hostVariables(),
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SQS: endpoints.sqs,
    AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.eventbridge,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    LAMBDA_TASK_ROOT: serviceDir,
    TZ: 'UTC',
  };
}

function unionOfVariables(functions: FunctionSpec[]): Record<string, string> {
  const values: Record<string, string> = {};
  const setBy: Record<string, string> = {};

  for (const fn of functions) {
    for (const [name, value] of Object.entries(fn.environment)) {
      const first = setBy[name];
      if (first !== undefined && values[name] !== value) {
        throw new EnvironmentConflictError(name, first, fn.functionName);
      }
      values[name] = value;
      setBy[name] ??= fn.functionName;
    }
  }
  return values;
}

/**
 * Variables taken from this process: PATH for child processes a handler
 * may start, and the temporary folder tsx caches compiled files in. No AWS
 * profile or credentials pass through.
 */
function hostVariables(): Record<string, string> {
  const names = ['PATH', 'HOME', 'TMPDIR'];
  const variables: Record<string, string> = {};
  for (const name of names) {
    const value = process.env[name];
    if (value !== undefined) variables[name] = value;
  }
  return variables;
}
