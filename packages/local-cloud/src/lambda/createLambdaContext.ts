import type { ContextData } from './workerProtocol';

/** The Lambda context object, as the Node.js runtime builds it. */
export interface LambdaContext extends Omit<ContextData, 'deadlineMs'> {
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
  done(error?: unknown, result?: unknown): void;
  fail(error: unknown): void;
  succeed(result: unknown): void;
}

/**
 * Builds the context passed to a handler. `done`, `fail` and `succeed` are
 * the legacy completion methods, wired to the same outcome as the
 * callback.
 */
export function createLambdaContext(
  data: ContextData,
  complete: (error: unknown, result?: unknown) => void,
): LambdaContext {
  const { deadlineMs, ...fields } = data;
  return {
    ...fields,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadlineMs - Date.now()),
    done: (error, result) => complete(error ?? null, result),
    fail: (error) => complete(error ?? new Error('context.fail called')),
    succeed: (result) => complete(null, result),
  };
}
