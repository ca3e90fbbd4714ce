import { readFileSync } from 'node:fs';
import { TemplateError } from './errors';
import type { Logger } from './logger';
import type { ServiceFolder } from './packaging/findServices';
import { readStackName } from './packaging/readStackName';
import { templatePath } from './packaging/templatePath';
import type { StandIns } from './startStandIns';
import {
  type CloudFormationTemplate,
  SUPPORTED_TYPES,
} from './template/CloudFormationTemplate';
import {
  type CreatedResources,
  createResourcesFromTemplate,
} from './template/createResourcesFromTemplate';
import {
  type EventSourceMappingSpec,
  readEventSourceMappings,
} from './template/readEventSourceMappings';
import { type RouteSpec, readRoutes } from './template/readRoutes';
import { type RuleSpec, readRules } from './template/readRules';

/** A service's stack, created on the stand-ins. */
export interface DeployedStack {
  service: ServiceFolder;
  stackName: string;
  created: CreatedResources;
  mappings: EventSourceMappingSpec[];
  routes: RouteSpec[];
  rules: RuleSpec[];
}

/** Types read only through Ref or Fn::GetAtt, so not listed as ignored. */
const REFERENCED_TYPES = new Set([
  'AWS::Lambda::Alias',
  'AWS::Lambda::Version',
]);

/** Reads a service's packaged template. */
export function readServiceTemplate(
  service: ServiceFolder,
): CloudFormationTemplate {
  const file = templatePath(service.dir);
  try {
    const template = JSON.parse(
      readFileSync(file, 'utf8'),
    ) as CloudFormationTemplate;
    if (!template.Resources) throw new Error('it has no Resources');
    return template;
  } catch (error) {
    throw new TemplateError(
      `cannot read the packaged template of ${service.name} at ${file}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/**
 * Creates a service's tables and queues and reads the rest of its stack:
 * event source mappings, routes and rules.
 */
export async function deployStack(
  service: ServiceFolder,
  stage: string,
  standIns: StandIns,
  log: Logger,
): Promise<DeployedStack> {
  const template = readServiceTemplate(service);
  const stackName = readStackName(service.dir, stage);
  logIgnoredTypes(service.name, template, log);

  const created = await createResourcesFromTemplate(
    template,
    { dynamodb: standIns.dynaliteEndpoint, sqs: standIns.endpoints.sqs },
    {
      stackName,
      clients: {
        dynamodb: standIns.internalDynamoDb,
        sqs: standIns.internalSqs,
      },
      log,
    },
  );
  const { routes, skipped } = readRoutes(created.resolver);
  for (const route of skipped) {
    log.warn('route not served locally', {
      service: service.name,
      reason: route.reason,
    });
  }

  return {
    service,
    stackName,
    created,
    mappings: readEventSourceMappings(created.resolver),
    routes,
    rules: readRules(created.resolver),
  };
}

function logIgnoredTypes(
  service: string,
  template: CloudFormationTemplate,
  log: Logger,
): void {
  const types = new Set(
    Object.values(template.Resources)
      .map((resource) => resource.Type)
      .filter(
        (type) => !SUPPORTED_TYPES.has(type) && !REFERENCED_TYPES.has(type),
      ),
  );
  if (types.size > 0) {
    log.debug('resource types not run locally', {
      service,
      types: [...types].sort(),
    });
  }
}
