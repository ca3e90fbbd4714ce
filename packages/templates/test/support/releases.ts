import {
  CONSUMER_METRICS,
  METRICS_NAMESPACE,
  VERSION_DIMENSIONS,
} from '@retail/shared';
import {
  type Resource,
  referencedId,
  resourcesOfType,
  services,
  type Template,
} from './package-templates';

const ALIAS = 'Live';
/** The pre-traffic hook: updated at once, so it has no alias of its own. */
const HOOK = 'PreTrafficLambdaFunction';
const EXPECTED_DEPLOYMENT_TYPES: Record<string, Record<string, string>> = {
  dev: { HttpLambdaFunction: 'AllAtOnce', ConsumerLambdaFunction: 'AllAtOnce' },
  prod: {
    HttpLambdaFunction: 'Canary10Percent5Minutes',
    ConsumerLambdaFunction: 'Linear10PercentEvery3Minutes',
  },
};

function aliasOf(template: Template, functionId: string) {
  return resourcesOfType(template, 'AWS::Lambda::Alias').find(
    ([, alias]) => referencedId(alias.Properties?.FunctionName) === functionId,
  );
}

function deploymentGroupOf(template: Template, functionId: string) {
  const [, alias] = aliasOf(template, functionId) ?? [];
  const update = alias?.UpdatePolicy?.CodeDeployLambdaAliasUpdate as
    | { DeploymentGroupName?: unknown }
    | undefined;
  const groupId = referencedId(update?.DeploymentGroupName);
  return groupId ? ([groupId, template.Resources[groupId]] as const) : [];
}

/** Returns the ids of the alarms a deployment group watches, composites expanded. */
function watchedAlarms(template: Template, group: Resource): string[] {
  const config = group.Properties?.AlarmConfiguration as
    | { Alarms?: { Name: unknown }[] }
    | undefined;
  const pending = (config?.Alarms ?? []).map((alarm) => {
    const id = referencedId(alarm.Name);
    if (!id)
      throw new Error(
        `watched alarm ${JSON.stringify(alarm.Name)} is not a Ref: expected a Ref to its logical id`,
      );
    return id;
  });
  const metricAlarms: string[] = [];
  while (pending.length > 0) {
    const id = pending.shift() as string;
    const alarm = template.Resources[id];
    if (alarm?.Type === 'AWS::CloudWatch::CompositeAlarm') {
      const rule = JSON.stringify(alarm.Properties?.AlarmRule);
      for (const match of rule.matchAll(/ALARM\(\$\{(\w+)\}\)/g)) {
        if (match[1]) pending.push(match[1]);
      }
    } else {
      metricAlarms.push(id);
    }
  }
  return metricAlarms;
}

interface MetricStat {
  Metric: { Namespace: string; MetricName: string; Dimensions: Dimension[] };
}
interface Dimension {
  Name: string;
  Value: unknown;
}

/** Returns every metric an alarm reads, single-metric or metric math. */
function metricsOf(alarm: Resource | undefined) {
  const props = alarm?.Properties ?? {};
  if (Array.isArray(props.Metrics)) {
    return (props.Metrics as { MetricStat?: MetricStat }[])
      .filter((query) => query.MetricStat)
      .map((query) => (query.MetricStat as MetricStat).Metric);
  }
  return [
    {
      Namespace: props.Namespace as string,
      MetricName: props.MetricName as string,
      Dimensions: props.Dimensions as Dimension[],
    },
  ];
}

function dimension(dimensions: Dimension[], name: string): unknown {
  return dimensions?.find((entry) => entry.Name === name)?.Value;
}

/** Declares the checks on every service's template for each stage. */
export function describeReleases(
  stages: string[],
  templateOf: (stage: string, service: string) => Template,
): void {
  const cases = stages.flatMap((stage) =>
    services.map((service) => [stage, service] as const),
  );

  describe.each(cases)('%s release of %s', (stage, service) => {
    // Every function but the hook is released through CodeDeploy.
    const functionIds = () =>
      resourcesOfType(templateOf(stage, service), 'AWS::Lambda::Function')
        .map(([id]) => id)
        .filter((id) => id !== HOOK);

    test('every released function has the Live alias', () => {
      const template = templateOf(stage, service);
      for (const id of functionIds()) {
        const [aliasId, alias] = aliasOf(template, id) ?? [];
        expect({ id, aliasName: alias?.Properties?.Name }).toEqual({
          id,
          aliasName: ALIAS,
        });
        expect({
          id,
          aliasId,
          version: alias?.Properties?.FunctionVersion,
        }).toEqual({
          id,
          aliasId,
          version: { 'Fn::GetAtt': [expect.any(String), 'Version'] },
        });
      }
    });

    test('the hook has no alias', () => {
      const template = templateOf(stage, service);
      expect({ hook: HOOK, type: template.Resources[HOOK]?.Type }).toEqual({
        hook: HOOK,
        type: 'AWS::Lambda::Function',
      });
      expect({ hook: HOOK, alias: aliasOf(template, HOOK)?.[0] }).toEqual({
        hook: HOOK,
        alias: undefined,
      });
    });

    test('the hook runs before every shift', () => {
      const template = templateOf(stage, service);
      expect(functionIds().sort()).toEqual([
        'ConsumerLambdaFunction',
        'HttpLambdaFunction',
      ]);
      for (const id of functionIds()) {
        const [aliasId, alias] = aliasOf(template, id) ?? [];
        const update = alias?.UpdatePolicy?.CodeDeployLambdaAliasUpdate as
          | { BeforeAllowTrafficHook?: unknown }
          | undefined;
        expect({
          aliasId,
          hook: referencedId(update?.BeforeAllowTrafficHook),
        }).toEqual({ aliasId, hook: HOOK });
      }
    });

    test('the hook checks this service’s functions', () => {
      const template = templateOf(stage, service);
      const environment = (
        template.Resources[HOOK]?.Properties?.Environment as
          | { Variables?: Record<string, unknown> }
          | undefined
      )?.Variables;
      const nameOf = (id: string) =>
        template.Resources[id]?.Properties?.FunctionName;
      expect({
        hook: HOOK,
        http: environment?.HTTP_FUNCTION_NAME,
        consumer: environment?.CONSUMER_FUNCTION_NAME,
      }).toEqual({
        hook: HOOK,
        http: nameOf('HttpLambdaFunction'),
        consumer: nameOf('ConsumerLambdaFunction'),
      });
    });

    test('CodeDeploy may invoke the hook', () => {
      const template = templateOf(stage, service);
      const policies = template.Resources.CodeDeployRole?.Properties
        ?.Policies as
        | {
            PolicyDocument: {
              Statement: { Action: string[]; Resource: unknown[] }[];
            };
          }[]
        | undefined;
      const invoked = (policies ?? [])
        .flatMap((policy) => policy.PolicyDocument.Statement)
        .filter((statement) =>
          [statement.Action].flat().includes('lambda:InvokeFunction'),
        )
        .flatMap((statement) => [statement.Resource].flat().map(referencedId));
      expect({ role: 'CodeDeployRole', invoked }).toEqual({
        role: 'CodeDeployRole',
        invoked: [HOOK],
      });
    });

    test('deployment groups roll back automatically', () => {
      const template = templateOf(stage, service);
      for (const id of functionIds()) {
        const [groupId, group] = deploymentGroupOf(template, id);
        expect({ id, groupType: group?.Type }).toEqual({
          id,
          groupType: 'AWS::CodeDeploy::DeploymentGroup',
        });
        const rollback = group?.Properties?.AutoRollbackConfiguration as {
          Enabled: boolean;
          Events: string[];
        };
        expect({ groupId, rollback }).toEqual({
          groupId,
          rollback: {
            Enabled: true,
            Events: expect.arrayContaining([
              'DEPLOYMENT_FAILURE',
              'DEPLOYMENT_STOP_ON_ALARM',
            ]),
          },
        });
        const alarms = group?.Properties?.AlarmConfiguration as {
          Enabled: boolean;
        };
        expect({ groupId, alarmsEnabled: alarms?.Enabled }).toEqual({
          groupId,
          alarmsEnabled: true,
        });
      }
    });

    test('deployment type follows the stage', () => {
      const template = templateOf(stage, service);
      for (const id of functionIds()) {
        const [groupId, group] = deploymentGroupOf(template, id);
        const config = JSON.stringify(group?.Properties?.DeploymentConfigName);
        expect({ groupId, config }).toEqual({
          groupId,
          config: expect.stringContaining(
            `"ConfigName":"${EXPECTED_DEPLOYMENT_TYPES[stage]?.[id]}"`,
          ),
        });
      }
    });

    test('CodeDeploy role is the project’s own', () => {
      const template = templateOf(stage, service);
      for (const id of functionIds()) {
        const [groupId, group] = deploymentGroupOf(template, id);
        const roleId = referencedId(group?.Properties?.ServiceRoleArn);
        expect({ groupId, roleId }).toEqual({
          groupId,
          roleId: 'CodeDeployRole',
        });
      }
      const role = template.Resources.CodeDeployRole;
      const text = JSON.stringify(role?.Properties);
      expect({
        role: 'CodeDeployRole',
        fullAccess: /FullAccess/.test(text),
      }).toEqual({ role: 'CodeDeployRole', fullAccess: false });
      expect({
        role: 'CodeDeployRole',
        lambdaStar: text.includes('lambda:*'),
      }).toEqual({ role: 'CodeDeployRole', lambdaStar: false });
      // DescribeAlarms returns composite alarms only when granted on "*".
      const policies = (role?.Properties?.Policies ?? []) as {
        PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] };
      }[];
      const onAnyResource = policies
        .flatMap((policy) => policy.PolicyDocument.Statement)
        .filter((statement) => [statement.Resource].flat().includes('*'))
        .flatMap((statement) => [statement.Action].flat());
      expect({ role: 'CodeDeployRole', onAnyResource }).toEqual({
        role: 'CodeDeployRole',
        onAnyResource: ['cloudwatch:DescribeAlarms'],
      });
    });

    test('watched alarms measure the new version', () => {
      const template = templateOf(stage, service);
      for (const id of functionIds()) {
        const [, group] = deploymentGroupOf(template, id);
        if (!group) throw new Error(`no deployment group for ${id}`);
        for (const alarmId of watchedAlarms(template, group)) {
          const alarm = template.Resources[alarmId];
          expect({ alarmId, type: alarm?.Type }).toEqual({
            alarmId,
            type: 'AWS::CloudWatch::Alarm',
          });
          for (const metric of metricsOf(alarm)) {
            // The DLQ growth alarm measures the queue, not a version.
            if (metric.Namespace === 'AWS/SQS') continue;
            const dims = metric.Dimensions;
            const owner = referencedId(dimension(dims, 'FunctionName'));
            expect({ alarmId, resource: dimension(dims, 'Resource') }).toEqual({
              alarmId,
              resource: { 'Fn::Join': [':', [{ Ref: owner }, ALIAS]] },
            });
            expect({
              alarmId,
              version: dimension(dims, 'ExecutedVersion'),
            }).toEqual({
              alarmId,
              version: { 'Fn::GetAtt': [expect.any(String), 'Version'] },
            });
          }
        }
      }
    });

    test('HTTP release watches errors, throttles, p99', () => {
      const template = templateOf(stage, service);
      const [, group] = deploymentGroupOf(template, 'HttpLambdaFunction');
      if (!group) throw new Error('no deployment group for HttpLambdaFunction');
      const watched = watchedAlarms(template, group)
        .map((alarmId) => template.Resources[alarmId])
        .flatMap((alarm) =>
          metricsOf(alarm)
            .filter(
              (metric) =>
                referencedId(dimension(metric.Dimensions, 'FunctionName')) ===
                'HttpLambdaFunction',
            )
            .map((metric) => metric.MetricName),
        );
      expect(watched).toEqual(
        expect.arrayContaining(['Errors', 'Throttles', 'Duration']),
      );
      const p99 = Object.values(template.Resources).some((alarm) =>
        JSON.stringify(alarm).includes('"Stat":"p99"'),
      );
      expect({
        alarm: 'HttpLambdaFunctionCanaryDurationp99Alarm',
        p99,
      }).toEqual({
        alarm: 'HttpLambdaFunctionCanaryDurationp99Alarm',
        p99: true,
      });
    });

    // Failed records raise no Lambda Errors, so the consumer's own metric
    // is watched. Its namespace and dimensions must be the ones the code
    // emits, or the alarm reads a metric that never has data.
    test('consumer release watches failed records', () => {
      const template = templateOf(stage, service);
      const [groupId, group] = deploymentGroupOf(
        template,
        'ConsumerLambdaFunction',
      );
      if (!group)
        throw new Error('no deployment group for ConsumerLambdaFunction');
      const read = watchedAlarms(template, group)
        .flatMap((alarmId) => metricsOf(template.Resources[alarmId]))
        .filter((metric) => metric.Namespace === METRICS_NAMESPACE);
      expect({
        groupId,
        metrics: read.map((m) => m.MetricName).sort(),
      }).toEqual({
        groupId,
        metrics: [
          CONSUMER_METRICS.recordsFailed,
          CONSUMER_METRICS.recordsProcessed,
        ].sort(),
      });
      for (const metric of read) {
        expect({
          groupId,
          metric: metric.MetricName,
          dimensions: metric.Dimensions.map((entry) => entry.Name),
          owner: referencedId(dimension(metric.Dimensions, 'FunctionName')),
        }).toEqual({
          groupId,
          metric: metric.MetricName,
          dimensions: [...VERSION_DIMENSIONS],
          owner: 'ConsumerLambdaFunction',
        });
      }
    });

    test('failed records alarm is a percentage', () => {
      const template = templateOf(stage, service);
      const alarmId = 'ConsumerLambdaFunctionCanaryRecordsfailedAlarm';
      const props = template.Resources[alarmId]?.Properties ?? {};
      const queries = (props.Metrics ?? []) as {
        Id: string;
        Expression?: string;
        MetricStat?: MetricStat;
      }[];
      const idOf = (name: string) =>
        queries.find((query) => query.MetricStat?.Metric.MetricName === name)
          ?.Id;
      const expression = queries.find((query) => query.Expression)?.Expression;
      expect({ alarmId, expression }).toEqual({
        alarmId,
        expression: `100 * ${idOf(CONSUMER_METRICS.recordsFailed)} / ${idOf(CONSUMER_METRICS.recordsProcessed)}`,
      });
      expect({
        alarmId,
        comparison: props.ComparisonOperator,
        thresholdInRange:
          Number(props.Threshold) > 0 && Number(props.Threshold) < 100,
      }).toEqual({
        alarmId,
        comparison: 'GreaterThanThreshold',
        thresholdInRange: true,
      });
    });

    test('consumer release watches DLQ growth', () => {
      const template = templateOf(stage, service);
      const [groupId, group] = deploymentGroupOf(
        template,
        'ConsumerLambdaFunction',
      );
      if (!group)
        throw new Error('no deployment group for ConsumerLambdaFunction');
      const sqsMetrics = watchedAlarms(template, group)
        .flatMap((alarmId) => metricsOf(template.Resources[alarmId]))
        .filter((metric) => metric.Namespace === 'AWS/SQS')
        .map((metric) =>
          referencedId(dimension(metric.Dimensions, 'QueueName')),
        );
      expect({ groupId, dlqWatched: sqsMetrics }).toEqual({
        groupId,
        dlqWatched: ['EventsDeadLetterQueue'],
      });
    });

    test('SQS mappings invoke the alias', () => {
      const template = templateOf(stage, service);
      for (const [id, mapping] of resourcesOfType(
        template,
        'AWS::Lambda::EventSourceMapping',
      )) {
        const target = referencedId(mapping.Properties?.FunctionName);
        const targetType = target
          ? template.Resources[target]?.Type
          : undefined;
        expect({ id, targetType }).toEqual({
          id,
          targetType: 'AWS::Lambda::Alias',
        });
      }
    });

    test('HTTP integrations invoke the alias', () => {
      const template = templateOf(stage, service);
      for (const [id, integration] of resourcesOfType(
        template,
        'AWS::ApiGatewayV2::Integration',
      )) {
        const uri = JSON.stringify(integration.Properties?.IntegrationUri);
        expect({ id, uri }).toEqual({
          id,
          uri: expect.stringContaining(
            `"Ref":"HttpLambdaFunctionAlias${ALIAS}"`,
          ),
        });
      }
    });

    test('every DLQ has a depth alarm', () => {
      const template = templateOf(stage, service);
      const dlqIds = resourcesOfType(template, 'AWS::SQS::Queue')
        .map(([, queue]) => queue.Properties?.RedrivePolicy)
        .map((redrive) =>
          referencedId(
            (redrive as { deadLetterTargetArn?: unknown })?.deadLetterTargetArn,
          ),
        )
        .filter((id): id is string => Boolean(id));
      expect(dlqIds.length).toBeGreaterThan(0);
      const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm');
      for (const dlqId of dlqIds) {
        const depthAlarm = alarms.find(
          ([, alarm]) =>
            alarm.Properties?.MetricName ===
              'ApproximateNumberOfMessagesVisible' &&
            referencedId(
              dimension(
                alarm.Properties?.Dimensions as Dimension[],
                'QueueName',
              ),
            ) === dlqId,
        );
        expect({ dlqId, hasDepthAlarm: Boolean(depthAlarm) }).toEqual({
          dlqId,
          hasDepthAlarm: true,
        });
      }
    });

    test('alarm actions go to operations topic', () => {
      const template = templateOf(stage, service);
      const own = [
        ...resourcesOfType(template, 'AWS::CloudWatch::Alarm'),
        ...resourcesOfType(template, 'AWS::CloudWatch::CompositeAlarm'),
      ].filter(([, alarm]) => alarm.Properties?.AlarmActions);
      expect(own.length).toBeGreaterThan(0);
      for (const [alarmId, alarm] of own) {
        const actions = (
          (alarm.Properties?.AlarmActions ?? []) as unknown[]
        ).map(referencedId);
        expect({ alarmId, actions }).toEqual({
          alarmId,
          actions: ['OperationsTopic'],
        });
      }
      const notifier = template.Resources.CanaryAlarmNotification;
      expect(JSON.stringify(notifier?.Properties?.AlarmRule)).toContain(
        'CanaryDeploymentCompositeAlarm',
      );
    });

    test('tables are protected in prod', () => {
      const template = templateOf(stage, service);
      for (const [id, table] of resourcesOfType(
        template,
        'AWS::DynamoDB::Table',
      )) {
        expect({
          id,
          protection: table.Properties?.DeletionProtectionEnabled,
        }).toEqual({ id, protection: stage === 'prod' });
      }
    });
  });
}
