// Entry point of a worker process: runs the handlers of one service, as
// Lambda's Node.js runtime does, for invocations sent over IPC.
import { pathToFileURL } from 'node:url';
import { createLambdaContext, type LambdaContext } from './createLambdaContext';
import type {
  InvokeMessage,
  SerializedError,
  WorkerMessage,
} from './workerProtocol';

type Handler = (
  event: unknown,
  context: LambdaContext,
  callback: (error: unknown, result?: unknown) => void,
) => unknown;

/** Thrown for Lambda's Runtime.* errors, whose errorType is not a class name. */
class RuntimeError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const handlers = new Map<string, Promise<Handler>>();

process.on('message', (message: InvokeMessage) => {
  if (message.type === 'invoke') void invoke(message);
});
send({ type: 'ready' });

async function invoke(message: InvokeMessage): Promise<void> {
  const { invocationId, context } = message;
  const started = performance.now();
  console.log(
    `START RequestId: ${context.awsRequestId} Version: ${context.functionVersion} Function: ${context.functionName}`,
  );

  try {
    const handler = await loadHandler(message.modulePath, message.exportName);
    setFunctionEnvironment(message);
    const result = await callHandler(handler, message);
    send({ type: 'result', invocationId, result });
  } catch (error) {
    const serialized = serializeError(error);
    console.error(
      `${new Date().toISOString()}\t${context.awsRequestId}\tERROR\tInvoke Error \t${JSON.stringify(serialized)}`,
    );
    send({ type: 'error', invocationId, error: serialized });
  }

  const duration = (performance.now() - started).toFixed(2);
  console.log(`END RequestId: ${context.awsRequestId}`);
  console.log(
    `REPORT RequestId: ${context.awsRequestId}\tDuration: ${duration} ms`,
  );
}

/** Imports a handler module once, on its first invocation, as Lambda does. */
function loadHandler(modulePath: string, exportName: string): Promise<Handler> {
  const key = `${modulePath}#${exportName}`;
  let handler = handlers.get(key);
  if (!handler) {
    handler = importHandler(modulePath, exportName);
    handlers.set(key, handler);
    handler.catch(() => handlers.delete(key));
  }
  return handler;
}

async function importHandler(
  modulePath: string,
  exportName: string,
): Promise<Handler> {
  let module: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(modulePath).href);
  } catch (error) {
    throw new RuntimeError(
      'Runtime.ImportModuleError',
      `Error: ${(error as Error).message}`,
      { cause: error },
    );
  }

  const fallback = module.default as Record<string, unknown> | undefined;
  const handler = module[exportName] ?? fallback?.[exportName];
  if (typeof handler !== 'function') {
    throw new RuntimeError(
      'Runtime.HandlerNotFound',
      `${modulePath}.${exportName} is undefined or not exported`,
    );
  }
  return handler as Handler;
}

/**
 * Sets the per-function variables Lambda puts in the environment. One
 * worker runs every function of a service, so concurrent invocations of
 * different functions can see each other's values.
 */
function setFunctionEnvironment({ context }: InvokeMessage): void {
  process.env.AWS_LAMBDA_FUNCTION_NAME = context.functionName;
  process.env.AWS_LAMBDA_FUNCTION_VERSION = context.functionVersion;
  process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE = context.memoryLimitInMB;
  process.env.AWS_LAMBDA_LOG_GROUP_NAME = context.logGroupName;
  process.env.AWS_LAMBDA_LOG_STREAM_NAME = context.logStreamName;
}

/**
 * Calls a handler and settles with its outcome: the promise it returns,
 * or the callback (or context.done, succeed, fail) for handlers that
 * take one.
 */
function callHandler(
  handler: Handler,
  message: InvokeMessage,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const complete = (error: unknown, result?: unknown) =>
      error ? reject(error) : resolve(result);
    const context = createLambdaContext(message.context, complete);

    const returned = handler(message.event, context, complete);
    if (isPromiseLike(returned)) {
      returned.then(resolve, reject);
    } else if (handler.length < 3) {
      resolve(returned);
    }
  });
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof (value as PromiseLike<unknown> | undefined)?.then === 'function'
  );
}

function serializeError(error: unknown): SerializedError {
  if (error instanceof RuntimeError) {
    return {
      errorType: error.errorType,
      errorMessage: error.message,
      trace: [],
    };
  }
  if (error instanceof Error) {
    return {
      errorType: error.constructor.name || error.name,
      errorMessage: error.message,
      trace: (error.stack ?? '').split('\n'),
    };
  }
  return { errorType: 'Error', errorMessage: String(error), trace: [] };
}

function send(message: WorkerMessage): void {
  try {
    process.send?.(message);
  } catch (error) {
    if (message.type !== 'result') throw error;
    send({
      type: 'error',
      invocationId: message.invocationId,
      error: {
        errorType: 'Runtime.MarshalError',
        errorMessage: `Unable to stringify response body: ${(error as Error).message}`,
        trace: [],
      },
    });
  }
}
