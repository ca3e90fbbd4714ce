import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import type { ReleaseCheck, ReleaseTarget } from './checks';
import {
  createPreTrafficHook,
  type PreTrafficResult,
  type VersionInvoker,
} from './pre-traffic-hook';

type Handler = (event: never, context: Context) => Promise<unknown>;

/** The timeout of the Lambda context the in-process handlers receive. */
const IN_PROCESS_TIMEOUT_MS = 30_000;

/**
 * Invokes in-process handlers as Lambda invokes one version of a function:
 * the event and result go through JSON, and a thrown error becomes the
 * payload with FunctionError `Unhandled`. `handlers` maps function names
 * to handlers.
 */
export function inProcessInvoker(
  handlers: Record<string, Handler>,
): VersionInvoker {
  return {
    async invoke(target, event) {
      const handler = handlers[target.functionName];
      if (!handler) {
        throw new Error(
          `no handler for function ${target.functionName}: pass it to inProcessInvoker`,
        );
      }
      try {
        const result = await handler(
          JSON.parse(JSON.stringify(event)) as never,
          versionContext(target.functionName, target.version),
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

/**
 * Runs the pre-traffic hook as CodeDeploy would for a release of
 * `target`, against in-process handlers, and returns its result with the
 * statuses it reported. Services use it to test their release checks.
 */
export async function runReleaseChecks(options: {
  checks: ReleaseCheck[];
  target: ReleaseTarget;
  handlers: Record<ReleaseTarget, Handler>;
  logger: Logger;
}): Promise<PreTrafficResult & { reported: string[] }> {
  const functions = {
    http: 'in-process-http',
    consumer: 'in-process-consumer',
  };
  const reported: string[] = [];
  const hook = createPreTrafficHook({
    checks: options.checks,
    functions,
    deployments: {
      targetOf: async () => ({
        functionName: functions[options.target],
        version: '2',
      }),
      report: async (_deploymentId, _executionId, status) => {
        reported.push(status);
      },
    },
    invoker: inProcessInvoker({
      [functions.http]: options.handlers.http,
      [functions.consumer]: options.handlers.consumer,
    }),
    logger: options.logger,
  });
  const result = await hook({
    DeploymentId: 'in-process',
    LifecycleEventHookExecutionId: 'in-process',
  });
  return { ...result, reported };
}

function versionContext(functionName: string, version: string): Context {
  const deadline = Date.now() + IN_PROCESS_TIMEOUT_MS;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: version,
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}:${version}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'in-process',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
