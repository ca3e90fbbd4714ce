import {
  referencedId,
  resourcesOfType,
  services,
  type Template,
} from './package-templates';

const FOURTEEN_DAYS_SECONDS = 14 * 24 * 60 * 60;

/** Resolves an event source mapping's FunctionName to the function's id. */
function functionIdOf(template: Template, target: unknown): string {
  const id = referencedId(target);
  if (!id) throw new Error(`unreadable FunctionName ${JSON.stringify(target)}`);
  const resource = template.Resources[id];
  if (resource?.Type === 'AWS::Lambda::Alias') {
    return referencedId(resource.Properties?.FunctionName) ?? id;
  }
  return id;
}

/** Declares the checks on every service's template for each stage. */
export function describeSafetyNets(
  stages: string[],
  templateOf: (stage: string, service: string) => Template,
): void {
  const cases = stages.flatMap((stage) =>
    services.map((service) => [stage, service] as const),
  );

  describe.each(cases)('%s template of %s', (stage, service) => {
    test('functions run on arm64', () => {
      const template = templateOf(stage, service);
      for (const [id, fn] of resourcesOfType(
        template,
        'AWS::Lambda::Function',
      )) {
        expect({ id, architectures: fn.Properties?.Architectures }).toEqual({
          id,
          architectures: ['arm64'],
        });
      }
    });

    // Lambda filters at INFO only, because a line without a level, such as
    // an embedded metric, counts as INFO and a WARN filter would drop the
    // metrics the release alarms read. The logger filters per stage.
    test('functions log JSON with a level', () => {
      const template = templateOf(stage, service);
      const level = stage === 'prod' ? 'WARN' : 'INFO';
      for (const [id, fn] of resourcesOfType(
        template,
        'AWS::Lambda::Function',
      )) {
        expect({ id, logging: fn.Properties?.LoggingConfig }).toEqual({
          id,
          logging: expect.objectContaining({
            LogFormat: 'JSON',
            ApplicationLogLevel: 'INFO',
          }),
        });
        const variables = (
          fn.Properties?.Environment as
            | { Variables?: Record<string, unknown> }
            | undefined
        )?.Variables;
        expect({ id, loggerLevel: variables?.POWERTOOLS_LOG_LEVEL }).toEqual({
          id,
          loggerLevel: level,
        });
      }
    });

    test('log groups keep logs per stage', () => {
      const template = templateOf(stage, service);
      const days = stage === 'prod' ? 30 : 14;
      for (const [id, group] of resourcesOfType(
        template,
        'AWS::Logs::LogGroup',
      )) {
        expect({ id, retention: group.Properties?.RetentionInDays }).toEqual({
          id,
          retention: days,
        });
      }
    });

    test('SQS mappings report batch item failures', () => {
      const template = templateOf(stage, service);
      const mappings = resourcesOfType(
        template,
        'AWS::Lambda::EventSourceMapping',
      );
      expect(mappings.length).toBeGreaterThan(0);
      for (const [id, mapping] of mappings) {
        expect({
          id,
          types: mapping.Properties?.FunctionResponseTypes,
        }).toEqual({
          id,
          types: ['ReportBatchItemFailures'],
        });
        const scaling = mapping.Properties?.ScalingConfig as
          | { MaximumConcurrency?: number }
          | undefined;
        expect({ id, maxConcurrency: scaling?.MaximumConcurrency }).toEqual({
          id,
          maxConcurrency: expect.any(Number),
        });
      }
    });

    test('queues outlast their consumer six times', () => {
      const template = templateOf(stage, service);
      for (const [id, mapping] of resourcesOfType(
        template,
        'AWS::Lambda::EventSourceMapping',
      )) {
        const queueId = referencedId(mapping.Properties?.EventSourceArn);
        const functionId = functionIdOf(
          template,
          mapping.Properties?.FunctionName,
        );
        const queue = queueId ? template.Resources[queueId] : undefined;
        const fn = template.Resources[functionId];
        const visibility = Number(queue?.Properties?.VisibilityTimeout);
        const timeout = Number(fn?.Properties?.Timeout);
        expect({ id, queueId, visibility }).toEqual({
          id,
          queueId,
          visibility: expect.any(Number),
        });
        expect({
          id,
          queueId,
          sixTimesTimeout: visibility >= 6 * timeout,
        }).toEqual({ id, queueId, sixTimesTimeout: true });
      }
    });

    test('queues redrive after five receives', () => {
      const template = templateOf(stage, service);
      const queues = resourcesOfType(template, 'AWS::SQS::Queue').filter(
        ([, queue]) => queue.Properties?.RedrivePolicy,
      );
      expect(queues.length).toBeGreaterThan(0);
      for (const [id, queue] of queues) {
        const redrive = queue.Properties?.RedrivePolicy as {
          maxReceiveCount: number;
          deadLetterTargetArn: unknown;
        };
        expect({ id, atLeastFive: redrive.maxReceiveCount >= 5 }).toEqual({
          id,
          atLeastFive: true,
        });
        const dlqId = referencedId(redrive.deadLetterTargetArn);
        const dlq = dlqId ? template.Resources[dlqId] : undefined;
        expect({
          dlqId,
          retention: dlq?.Properties?.MessageRetentionPeriod,
        }).toEqual({ dlqId, retention: FOURTEEN_DAYS_SECONDS });
      }
    });

    test('tables have point-in-time recovery', () => {
      const template = templateOf(stage, service);
      for (const [id, table] of resourcesOfType(
        template,
        'AWS::DynamoDB::Table',
      )) {
        expect({
          id,
          pitr: table.Properties?.PointInTimeRecoverySpecification,
        }).toEqual({ id, pitr: { PointInTimeRecoveryEnabled: true } });
      }
    });
  });
}
