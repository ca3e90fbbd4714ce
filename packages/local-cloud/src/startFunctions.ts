import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Cleanup } from './Cleanup';
import type { DeployedStack } from './deployStacks';
import {
  buildServiceEnvironment,
  type StandInEndpoints,
} from './lambda/buildServiceEnvironment';
import { LambdaRuntime } from './lambda/LambdaRuntime';
import type { LocalFunction } from './lambda/LocalFunction';
import { resolveHandler } from './lambda/resolveHandler';
import { ServiceRuntime } from './lambda/ServiceRuntime';
import type { Logger } from './logger';
import type { FunctionSpec } from './template/readFunctions';

interface ServicePlan {
  stack: DeployedStack;
  functions: LocalFunction[];
  env: Record<string, string>;
}

/**
 * Starts one worker per service, after checking every service's handlers
 * and environment, so that a mistake in one service stops the start
 * before any worker runs. Worker output goes to `<logDir>/<service>.log`,
 * truncated at each start.
 */
export async function startFunctions(
  stacks: DeployedStack[],
  endpoints: StandInEndpoints,
  logDir: string,
  log: Logger,
  cleanup: Cleanup,
): Promise<LambdaRuntime> {
  const plans = stacks.map((stack) => planService(stack, endpoints, log));
  mkdirSync(logDir, { recursive: true });

  const runtime = new LambdaRuntime();
  cleanup.add('functions', () => runtime.stop());
  for (const plan of plans) {
    if (plan.functions.length === 0) continue;
    const service = plan.stack.service;
    const serviceRuntime = new ServiceRuntime({
      service: service.name,
      cwd: service.dir,
      env: plan.env,
      logFile: path.join(logDir, `${service.name}.log`),
      log,
    });
    runtime.addService(serviceRuntime, plan.functions);
  }

  await Promise.all(runtime.services().map((service) => service.start()));
  return runtime;
}

function planService(
  stack: DeployedStack,
  endpoints: StandInEndpoints,
  log: Logger,
): ServicePlan {
  const service = stack.service;
  const specs = Object.values(stack.created.functions).filter((fn) =>
    isRunnable(fn, service.name, log),
  );
  const functions = specs.map((fn) => ({
    ...fn,
    service: service.name,
    ...resolveHandler(service.dir, fn.handler ?? '', fn.functionName),
  }));
  const env = buildServiceEnvironment(specs, endpoints, service.dir);
  return { stack, functions, env };
}

/** Functions need a Handler and a Node.js runtime to run locally. */
function isRunnable(fn: FunctionSpec, service: string, log: Logger): boolean {
  const isNode = fn.runtime === undefined || fn.runtime.startsWith('nodejs');
  if (fn.handler && isNode) return true;

  log.warn(
    'function not run locally: it needs a Handler and a nodejs runtime',
    {
      service,
      function: fn.functionName,
      runtime: fn.runtime,
    },
  );
  return false;
}
