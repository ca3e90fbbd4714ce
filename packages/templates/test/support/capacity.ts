import {
  type Resource,
  referencedId,
  resourcesOfType,
  services,
  type Template,
} from './package-templates';

const TARGET_UTILIZATION_PERCENT = 70;

/** Tables that are PROVISIONED on prod. Every other table, and every table on dev, is PAY_PER_REQUEST. */
const PROVISIONED_IN_PROD: Record<string, string[]> = {
  catalog: ['ProductsTable'],
  orders: ['PricesTable'],
  inventory: [],
  notifications: [],
};

const DIMENSIONS = [
  {
    dimension: 'dynamodb:table:ReadCapacityUnits',
    metric: 'DynamoDBReadCapacityUtilization',
  },
  {
    dimension: 'dynamodb:table:WriteCapacityUnits',
    metric: 'DynamoDBWriteCapacityUtilization',
  },
];

/**
 * Evaluates a condition built from Fn::Equals on literals, the only form
 * the services use. Throws on any other form, so a new form is noticed.
 */
function conditionHolds(template: Template, name: string | undefined): boolean {
  if (name === undefined) return true;
  const condition = template.Conditions?.[name] as
    | { 'Fn::Equals'?: unknown[] }
    | undefined;
  const operands = condition?.['Fn::Equals'];
  if (!Array.isArray(operands) || operands.some((o) => typeof o === 'object')) {
    throw new Error(
      `condition ${name} is not Fn::Equals on two literals: extend conditionHolds to read ${JSON.stringify(condition)}`,
    );
  }
  return operands[0] === operands[1];
}

/** Returns the resources of a type that CloudFormation would create. */
function activeResourcesOfType(
  template: Template,
  type: string,
): [string, Resource][] {
  return resourcesOfType(template, type).filter(([, resource]) =>
    conditionHolds(template, resource.Condition),
  );
}

/** Returns the table a scalable target's `table/${Table}` ResourceId names. */
function scaledTableOf(target: Resource): string | undefined {
  const sub = (target.Properties?.ResourceId as { 'Fn::Sub'?: unknown })?.[
    'Fn::Sub'
  ];
  const match =
    typeof sub === 'string' ? /^table\/\$\{(\w+)\}$/.exec(sub) : null;
  return match?.[1];
}

/** Returns a table's ProvisionedThroughput with its Fn::If resolved. */
function resolvedThroughput(template: Template, table: Resource): unknown {
  const throughput = table.Properties?.ProvisionedThroughput as
    | { 'Fn::If'?: [string, unknown, unknown] }
    | undefined;
  const choice = throughput?.['Fn::If'];
  if (!choice) return throughput;
  const [condition, whenTrue, whenFalse] = choice;
  return conditionHolds(template, condition) ? whenTrue : whenFalse;
}

/** Declares the capacity checks on every service's template for each stage. */
export function describeCapacity(
  stages: string[],
  templateOf: (stage: string, service: string) => Template,
): void {
  const cases = stages.flatMap((stage) =>
    services.map((service) => [stage, service] as const),
  );

  describe.each(cases)('%s capacity of %s', (stage, service) => {
    const expectedMode = (tableId: string) =>
      stage === 'prod' && PROVISIONED_IN_PROD[service]?.includes(tableId)
        ? 'PROVISIONED'
        : 'PAY_PER_REQUEST';

    test('billing mode follows table and stage', () => {
      const template = templateOf(stage, service);
      for (const [tableId, table] of resourcesOfType(
        template,
        'AWS::DynamoDB::Table',
      )) {
        expect({ tableId, mode: table.Properties?.BillingMode }).toEqual({
          tableId,
          mode: expectedMode(tableId),
        });
      }
    });

    test('provisioned throughput only when provisioned', () => {
      const template = templateOf(stage, service);
      for (const [tableId, table] of resourcesOfType(
        template,
        'AWS::DynamoDB::Table',
      )) {
        const throughput = resolvedThroughput(template, table) as
          | { ReadCapacityUnits?: unknown; WriteCapacityUnits?: unknown }
          | undefined;
        const provisioned = table.Properties?.BillingMode === 'PROVISIONED';
        expect({
          tableId,
          hasReadUnits: typeof throughput?.ReadCapacityUnits === 'number',
        }).toEqual({ tableId, hasReadUnits: provisioned });
        expect({
          tableId,
          hasWriteUnits: typeof throughput?.WriteCapacityUnits === 'number',
        }).toEqual({ tableId, hasWriteUnits: provisioned });
      }
    });

    test('provisioned tables scale reads and writes', () => {
      const template = templateOf(stage, service);
      const targets = activeResourcesOfType(
        template,
        'AWS::ApplicationAutoScaling::ScalableTarget',
      );
      const policies = activeResourcesOfType(
        template,
        'AWS::ApplicationAutoScaling::ScalingPolicy',
      );
      for (const [tableId, table] of resourcesOfType(
        template,
        'AWS::DynamoDB::Table',
      )) {
        if (table.Properties?.BillingMode !== 'PROVISIONED') continue;
        for (const { dimension, metric } of DIMENSIONS) {
          const [targetId, target] =
            targets.find(
              ([, candidate]) =>
                scaledTableOf(candidate) === tableId &&
                candidate.Properties?.ScalableDimension === dimension,
            ) ?? [];
          expect({ tableId, dimension, hasTarget: Boolean(target) }).toEqual({
            tableId,
            dimension,
            hasTarget: true,
          });
          const min = Number(target?.Properties?.MinCapacity);
          const max = Number(target?.Properties?.MaxCapacity);
          expect({ targetId, minAtLeastOne: min >= 1 }).toEqual({
            targetId,
            minAtLeastOne: true,
          });
          expect({ targetId, minBelowMax: min < max }).toEqual({
            targetId,
            minBelowMax: true,
          });
          const policy = policies.find(
            ([, candidate]) =>
              referencedId(candidate.Properties?.ScalingTargetId) === targetId,
          )?.[1];
          expect({
            targetId,
            policyType: policy?.Properties?.PolicyType,
          }).toEqual({
            targetId,
            policyType: 'TargetTrackingScaling',
          });
          expect({
            targetId,
            tracking:
              policy?.Properties?.TargetTrackingScalingPolicyConfiguration,
          }).toEqual({
            targetId,
            tracking: {
              TargetValue: TARGET_UTILIZATION_PERCENT,
              PredefinedMetricSpecification: { PredefinedMetricType: metric },
            },
          });
        }
      }
    });

    test('on-demand tables have no scaling', () => {
      const template = templateOf(stage, service);
      for (const [targetId, target] of activeResourcesOfType(
        template,
        'AWS::ApplicationAutoScaling::ScalableTarget',
      )) {
        const tableId = scaledTableOf(target);
        const mode = tableId
          ? template.Resources[tableId]?.Properties?.BillingMode
          : undefined;
        expect({ targetId, tableId, mode }).toEqual({
          targetId,
          tableId,
          mode: 'PROVISIONED',
        });
      }
    });
  });
}
