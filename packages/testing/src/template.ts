import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

/** The part of a CloudFormation template these helpers read. */
export interface CloudFormationTemplate {
  Resources: Record<
    string,
    { Type: string; Properties?: Record<string, unknown> }
  >;
}

const TEMPLATE = '.serverless/cloudformation-template-update-stack.json';

/**
 * Reads a service's packaged template. Jest's global setup packages every
 * service for the `local` stage before the tests run.
 */
export function readPackagedTemplate(
  serviceDir: string,
): CloudFormationTemplate {
  const file = path.join(serviceDir, TEMPLATE);
  if (!existsSync(file)) {
    throw new Error(
      `no packaged template at ${file}: run "pnpm package -- --stage local" at the repository root`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as CloudFormationTemplate;
}

/** Returns the resources of one CloudFormation type, by logical id. */
export function resourcesOfType(
  template: CloudFormationTemplate,
  type: string,
): Array<[string, Record<string, unknown>]> {
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === type)
    .map(([id, resource]) => [id, resource.Properties ?? {}]);
}

/**
 * Creates every AWS::DynamoDB::Table of a template, with its keys and
 * indexes, and returns the table names by logical id. Table names must be
 * plain strings in the template, as every service writes them.
 */
export async function createTablesFromTemplate(
  template: CloudFormationTemplate,
  client: DynamoDBClient,
): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const [logicalId, properties] of resourcesOfType(
    template,
    'AWS::DynamoDB::Table',
  )) {
    const input = toCreateTableInput(logicalId, properties);
    await client.send(new CreateTableCommand(input));
    names[logicalId] = input.TableName as string;
  }
  return names;
}

function toCreateTableInput(
  logicalId: string,
  properties: Record<string, unknown>,
): CreateTableCommandInput {
  if (typeof properties.TableName !== 'string') {
    throw new Error(
      `table ${logicalId} has no literal TableName: write it as a string in resources/tables.yml`,
    );
  }

  // dynalite needs throughput even for on-demand tables' indexes, so the
  // indexes get a nominal one when the table is PAY_PER_REQUEST.
  const onDemand = properties.BillingMode === 'PAY_PER_REQUEST';
  const throughput = { ReadCapacityUnits: 5, WriteCapacityUnits: 5 };
  const indexes = (properties.GlobalSecondaryIndexes ?? []) as Array<
    Record<string, unknown>
  >;

  return {
    TableName: properties.TableName,
    AttributeDefinitions:
      properties.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
    KeySchema: properties.KeySchema as CreateTableCommandInput['KeySchema'],
    BillingMode: onDemand ? 'PAY_PER_REQUEST' : 'PROVISIONED',
    ...(onDemand ? {} : { ProvisionedThroughput: throughput }),
    ...(indexes.length > 0
      ? {
          GlobalSecondaryIndexes: indexes.map((index) => ({
            IndexName: index.IndexName as string,
            KeySchema: index.KeySchema as never,
            Projection: index.Projection as never,
            ...(onDemand ? {} : { ProvisionedThroughput: throughput }),
          })),
        }
      : {}),
  };
}

/** Returns the RouteKey of every HTTP API route, such as `GET /orders`. */
export function routeKeysOf(template: CloudFormationTemplate): string[] {
  return resourcesOfType(template, 'AWS::ApiGatewayV2::Route')
    .map(([, route]) => String(route.RouteKey))
    .sort();
}

/** Returns every detail-type that the template's EventBridge rules match. */
export function ruleEventTypesOf(template: CloudFormationTemplate): string[] {
  return resourcesOfType(template, 'AWS::Events::Rule')
    .flatMap(([, rule]) => {
      const pattern = rule.EventPattern as
        | { 'detail-type'?: string[] }
        | undefined;
      return pattern?.['detail-type'] ?? [];
    })
    .sort();
}

/**
 * Throws, naming what to add or remove in src/release-checks.ts, unless
 * the checks cover exactly the template's routes and rule event types.
 */
export function expectChecksCoverTemplate(
  checks: ReadonlyArray<
    { target: 'http'; routeKey: string } | { target: 'consumer'; type: string }
  >,
  template: CloudFormationTemplate,
): void {
  const routes = checks.flatMap((check) =>
    check.target === 'http' ? [check.routeKey] : [],
  );
  const types = checks.flatMap((check) =>
    check.target === 'consumer' ? [check.type] : [],
  );
  const problems = [
    ...missingFrom(routeKeysOf(template), routes).map(
      (route) => `route ${route} has no release check: add an httpCheck`,
    ),
    ...missingFrom(routes, routeKeysOf(template)).map(
      (route) => `release check for ${route} names no route: remove it`,
    ),
    ...missingFrom(ruleEventTypesOf(template), types).map(
      (type) =>
        `event type ${type} has no release check: add it to consumerChecks`,
    ),
    ...missingFrom(types, ruleEventTypesOf(template)).map(
      (type) => `release check for ${type} matches no rule: remove it`,
    ),
  ];
  if (problems.length > 0) {
    throw new Error(
      `src/release-checks.ts does not match the template:\n${problems.join('\n')}`,
    );
  }
}

function missingFrom(expected: string[], present: string[]): string[] {
  return expected.filter((item) => !present.includes(item));
}
