import { TemplateError } from '../errors';
import { functionNameFromReference } from './arn';
import type {
  IntrinsicResolver,
  TemplateResourceEntry,
} from './IntrinsicResolver';

/** An AWS::ApiGatewayV2::Route with a Lambda proxy integration. */
export interface RouteSpec {
  logicalId: string;
  routeKey: string;
  functionName: string;
  payloadFormatVersion: string;
}

/** Routes without a Lambda integration, left out with the reason. */
export interface SkippedRoute {
  logicalId: string;
  reason: string;
}

/** Reads every route of a template that targets a Lambda integration. */
export function readRoutes(resolver: IntrinsicResolver): {
  routes: RouteSpec[];
  skipped: SkippedRoute[];
} {
  const integrations = resolver.includedResources(
    'AWS::ApiGatewayV2::Integration',
  );
  const routes: RouteSpec[] = [];
  const skipped: SkippedRoute[] = [];

  for (const entry of resolver.includedResources('AWS::ApiGatewayV2::Route')) {
    const route = readRoute(resolver, entry, integrations);
    if ('reason' in route) skipped.push(route);
    else routes.push(route);
  }
  return { routes, skipped };
}

function readRoute(
  resolver: IntrinsicResolver,
  { logicalId, properties }: TemplateResourceEntry,
  integrations: TemplateResourceEntry[],
): RouteSpec | SkippedRoute {
  const routeKey = resolver.resolveString(
    properties.RouteKey,
    `${logicalId}.RouteKey`,
  );
  if (properties.Target === undefined) {
    return { logicalId, reason: `route ${routeKey} has no Target` };
  }

  const target = resolver.resolveString(
    properties.Target,
    `${logicalId}.Target`,
  );
  const integrationId = target.replace(/^integrations\//, '');
  const integration = integrations.find(
    (candidate) => resolver.ref(candidate.logicalId) === integrationId,
  );
  if (!integration) {
    throw new TemplateError(
      `route ${routeKey} targets ${target}, but no integration with that id was found in the template`,
      { logicalId },
    );
  }
  return toRouteSpec(resolver, logicalId, routeKey, integration);
}

function toRouteSpec(
  resolver: IntrinsicResolver,
  logicalId: string,
  routeKey: string,
  integration: TemplateResourceEntry,
): RouteSpec | SkippedRoute {
  const properties = integration.properties;
  const type = resolver.resolve(properties.IntegrationType);
  if (type !== 'AWS_PROXY') {
    return {
      logicalId,
      reason: `route ${routeKey} has a ${String(type)} integration; only AWS_PROXY runs locally`,
    };
  }

  const uri = resolver.resolveString(
    properties.IntegrationUri,
    `${integration.logicalId}.IntegrationUri`,
  );
  return {
    logicalId,
    routeKey,
    functionName: functionNameFromReference(uri),
    payloadFormatVersion: String(
      resolver.resolve(properties.PayloadFormatVersion) ?? '2.0',
    ),
  };
}
