import type { Context } from 'aws-lambda';
import { lambdaContext } from './lambda-events';

type Handler = (event: never, context: Context) => Promise<unknown>;

/**
 * Invokes in-process handlers as Lambda invokes one version of a function:
 * the result goes through JSON, and a thrown error becomes the payload
 * with FunctionError `Unhandled`. `handlers` maps function names to
 * handlers. Its shape matches the VersionInvoker of the pre-traffic hook.
 */
export function inProcessInvoker(handlers: Record<string, Handler>) {
  return {
    async invoke(
      target: { functionName: string; version: string },
      event: unknown,
    ): Promise<{ payload: unknown; functionError?: string }> {
      const handler = handlers[target.functionName];
      if (!handler) {
        throw new Error(
          `no handler for function ${target.functionName}: pass it to inProcessInvoker`,
        );
      }
      const context = lambdaContext({
        functionName: target.functionName,
        functionVersion: target.version,
        invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${target.functionName}:${target.version}`,
      });
      try {
        const result = await handler(
          JSON.parse(JSON.stringify(event)) as never,
          context,
        );
        return { payload: JSON.parse(JSON.stringify(result ?? null)) };
      } catch (error) {
        const { name, message } =
          error instanceof Error ? error : new Error(String(error));
        return {
          payload: { errorType: name, errorMessage: message },
          functionError: 'Unhandled',
        };
      }
    },
  };
}
