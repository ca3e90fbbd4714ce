import type { DeployedStack } from './deployStacks';
import { ConfigurationError } from './errors';
import { RouteTable } from './http/RouteTable';
import type { LambdaRuntime } from './lambda/LambdaRuntime';
import type { Logger } from './logger';

/**
 * Collects every service's routes into one table, as if all services
 * shared one HTTP API. Only payload format 2.0 routes are served.
 */
export function buildRouteTable(
  stacks: DeployedStack[],
  runtime: LambdaRuntime,
  log: Logger,
): RouteTable {
  const table = new RouteTable();
  for (const stack of stacks) {
    for (const route of stack.routes) {
      if (route.payloadFormatVersion !== '2.0') {
        log.warn(
          'route not served: only payload format version 2.0 is supported',
          {
            service: stack.service.name,
            routeKey: route.routeKey,
            payloadFormatVersion: route.payloadFormatVersion,
          },
        );
        continue;
      }
      if (!runtime.has(route.functionName)) {
        throw new ConfigurationError(
          `route ${route.routeKey} of ${stack.service.name} targets function ${route.functionName}, which is not running`,
        );
      }
      table.add(route.routeKey, route.functionName);
    }
  }
  return table;
}
