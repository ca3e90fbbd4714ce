import {
  referencedId,
  resourcesOfType,
  services,
  type Template,
} from './package-templates';

const LOGS = (logGroup: string) => [
  `logs:CreateLogStream on ${logGroup}`,
  `logs:PutLogEvents on ${logGroup}`,
];
const QUEUE_CONSUMER = [
  'sqs:ReceiveMessage on EventsQueue',
  'sqs:DeleteMessage on EventsQueue',
  'sqs:GetQueueAttributes on EventsQueue',
  'sqs:ChangeMessageVisibility on EventsQueue',
];
const PUBLISHER = ['events:PutEvents on event-bus/default'];

const dynamoGrants = (resource: string, actions: string[]) =>
  actions.map((action) => `dynamodb:${action} on ${resource}`);

/**
 * Every grant each function may have, as `<action> on <resource>`. A
 * resource is a logical id for `Fn::GetAtt <id>.Arn`, or the `Fn::Sub` text
 * with the account's ARN prefix cut, for example `event-bus/default` or
 * `OrdersTable/index/byCustomer`. The roles must grant exactly these, so a
 * grant added to a role fails until it is listed here too.
 */
const EXPECTED_GRANTS: Record<string, Record<string, string[]>> = {
  catalog: {
    HttpLambdaFunction: [
      ...LOGS('HttpLogGroup'),
      ...dynamoGrants('ProductsTable', [
        'GetItem',
        'Scan',
        'PutItem',
        'UpdateItem',
        'DeleteItem',
        'BatchGetItem',
        'BatchWriteItem',
      ]),
      ...PUBLISHER,
    ],
    ConsumerLambdaFunction: [
      ...LOGS('ConsumerLogGroup'),
      ...QUEUE_CONSUMER,
      ...dynamoGrants('ProductsTable', ['GetItem', 'UpdateItem']),
    ],
  },
  orders: {
    HttpLambdaFunction: [
      ...LOGS('HttpLogGroup'),
      ...dynamoGrants('OrdersTable', ['GetItem', 'PutItem', 'UpdateItem']),
      ...dynamoGrants('OrdersTable/index/byCustomer', ['Query']),
      ...dynamoGrants('PricesTable', ['BatchGetItem']),
      ...dynamoGrants('IdempotencyTable', [
        'GetItem',
        'PutItem',
        'UpdateItem',
        'DeleteItem',
      ]),
      ...PUBLISHER,
    ],
    ConsumerLambdaFunction: [
      ...LOGS('ConsumerLogGroup'),
      ...QUEUE_CONSUMER,
      ...dynamoGrants('OrdersTable', ['GetItem', 'UpdateItem']),
      ...dynamoGrants('PricesTable', ['PutItem', 'UpdateItem']),
      ...PUBLISHER,
    ],
  },
  inventory: {
    HttpLambdaFunction: [
      ...LOGS('HttpLogGroup'),
      ...dynamoGrants('StockTable', [
        'GetItem',
        'BatchGetItem',
        'BatchWriteItem',
        'PutItem',
      ]),
      ...PUBLISHER,
    ],
    ConsumerLambdaFunction: [
      ...LOGS('ConsumerLogGroup'),
      ...QUEUE_CONSUMER,
      ...dynamoGrants('StockTable', ['GetItem', 'UpdateItem']),
      ...dynamoGrants('ReservationsTable', [
        'GetItem',
        'PutItem',
        'UpdateItem',
      ]),
      ...PUBLISHER,
    ],
  },
  notifications: {
    HttpLambdaFunction: [
      ...LOGS('HttpLogGroup'),
      ...dynamoGrants('LogTable', ['Query']),
    ],
    ConsumerLambdaFunction: [
      ...LOGS('ConsumerLogGroup'),
      ...QUEUE_CONSUMER,
      ...dynamoGrants('DeliveriesTable', ['GetItem', 'PutItem', 'UpdateItem']),
      ...dynamoGrants('LogTable', ['PutItem', 'BatchWriteItem']),
      ...dynamoGrants('OutboxTable', ['PutItem']),
      'ses:SendEmail on identity/*',
    ],
  },
};

/**
 * Grants of the pre-traffic hook. Its CodeDeploy resources are matched by
 * deployment group name, which starts with the stack name, because the
 * application's name is generated.
 */
function hookGrants(service: string, stage: string): string[] {
  const stack = `retail-${service}-${stage}`;
  return [
    ...LOGS('PreTrafficLogGroup'),
    `codedeploy:GetDeployment on deploymentgroup:*/${stack}-*`,
    `codedeploy:PutLifecycleEventHookExecutionStatus on deploymentgroup:*/${stack}-*`,
    'codedeploy:GetApplicationRevision on application:*',
    `lambda:InvokeFunction on function:${stack}-http:*`,
    `lambda:InvokeFunction on function:${stack}-consumer:*`,
  ];
}

/** Grants on a resource pattern, so their statement must carry a condition. */
const CONDITIONED_GRANTS = new Set(['ses:SendEmail on identity/*']);

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

const ARN_PREFIX =
  /^arn:\$\{AWS::Partition\}:[a-z0-9-]+:\$\{AWS::Region\}:\$\{AWS::AccountId\}:/;

/** Names a statement's resource as EXPECTED_GRANTS does. */
function resourceName(resource: unknown): string {
  if (resource === '*') return '*';
  const id = referencedId(resource);
  if (id) return id;
  const sub = (resource as { 'Fn::Sub'?: unknown })?.['Fn::Sub'];
  const text = Array.isArray(sub) ? sub[0] : sub;
  if (typeof text !== 'string') return JSON.stringify(resource);
  return text.replace(ARN_PREFIX, '').replace(/\$\{(\w+)\.Arn\}/g, '$1');
}

function statementsOf(template: Template, roleId: string): Statement[] {
  const policies = template.Resources[roleId]?.Properties?.Policies as
    | { PolicyDocument: { Statement: Statement[] } }[]
    | undefined;
  return (policies ?? []).flatMap((policy) => policy.PolicyDocument.Statement);
}

function grantsOf(statement: Statement): string[] {
  const actions = [statement.Action].flat();
  const resources = [statement.Resource].flat().map(resourceName);
  return actions.flatMap((action) =>
    resources.map((resource) => `${action} on ${resource}`),
  );
}

function roleOf(template: Template, functionId: string): string | undefined {
  return referencedId(template.Resources[functionId]?.Properties?.Role);
}

/** Declares the IAM checks on every service's template for each stage. */
export function describeIam(
  stages: string[],
  templateOf: (stage: string, service: string) => Template,
): void {
  const cases = stages.flatMap((stage) =>
    services.map((service) => [stage, service] as const),
  );

  describe.each(cases)('%s IAM of %s', (stage, service) => {
    const functionIds = () =>
      resourcesOfType(templateOf(stage, service), 'AWS::Lambda::Function').map(
        ([id]) => id,
      );

    test('every function has its own role', () => {
      const template = templateOf(stage, service);
      const owners = new Map<string, string>();
      for (const functionId of functionIds()) {
        const roleId = roleOf(template, functionId);
        expect({
          functionId,
          roleType: roleId && template.Resources[roleId]?.Type,
        }).toEqual({
          functionId,
          roleType: 'AWS::IAM::Role',
        });
        expect({
          functionId,
          roleId,
          sharedWith: owners.get(roleId ?? ''),
        }).toEqual({
          functionId,
          roleId,
          sharedWith: undefined,
        });
        if (roleId) owners.set(roleId, functionId);
      }
      expect({
        sharedRole: 'IamRoleLambdaExecution',
        present: 'IamRoleLambdaExecution' in template.Resources,
      }).toEqual({ sharedRole: 'IamRoleLambdaExecution', present: false });
    });

    test('roles grant no wildcard resource', () => {
      const template = templateOf(stage, service);
      for (const functionId of functionIds()) {
        const roleId = roleOf(template, functionId) ?? '(none)';
        for (const statement of statementsOf(template, roleId)) {
          const resources = [statement.Resource].flat();
          expect({ functionId, roleId, resources }).toEqual({
            functionId,
            roleId,
            resources: expect.not.arrayContaining(['*']),
          });
          const actions = [statement.Action].flat();
          expect({ functionId, roleId, actions }).toEqual({
            functionId,
            roleId,
            actions: expect.not.arrayContaining([expect.stringMatching(/\*/)]),
          });
        }
      }
    });

    test('roles grant only what functions use', () => {
      const template = templateOf(stage, service);
      const expected = EXPECTED_GRANTS[service] ?? {};
      for (const functionId of functionIds()) {
        const roleId = roleOf(template, functionId) ?? '(none)';
        const granted = statementsOf(template, roleId)
          .filter((statement) => statement.Effect === 'Allow')
          .flatMap(grantsOf);
        const allowed =
          functionId === 'PreTrafficLambdaFunction'
            ? hookGrants(service, stage)
            : (expected[functionId] ?? []);
        const extra = granted.filter((grant) => !allowed.includes(grant));
        const missing = allowed.filter((grant) => !granted.includes(grant));
        expect({ functionId, roleId, extra }).toEqual({
          functionId,
          roleId,
          extra: [],
        });
        expect({ functionId, roleId, missing }).toEqual({
          functionId,
          roleId,
          missing: [],
        });
      }
    });

    test('pattern resources carry a condition', () => {
      const template = templateOf(stage, service);
      for (const functionId of functionIds()) {
        const roleId = roleOf(template, functionId) ?? '(none)';
        for (const statement of statementsOf(template, roleId)) {
          const patterned = grantsOf(statement).filter((grant) =>
            CONDITIONED_GRANTS.has(grant),
          );
          if (patterned.length === 0) continue;
          expect({
            functionId,
            roleId,
            patterned,
            condition: statement.Condition,
          }).toEqual({
            functionId,
            roleId,
            patterned,
            condition: {
              StringEquals: { 'ses:FromAddress': expect.any(String) },
            },
          });
        }
      }
    });
  });
}
