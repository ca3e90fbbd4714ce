import path from 'node:path';
import { readPackagedTemplate, resourcesOfType } from '@retail/testing';

// Checks the CloudFormation that `sls package --stage local` produced, so
// a later change to timeouts or events cannot break these rules unseen.

const template = readPackagedTemplate(path.resolve(__dirname, '../..'));

function only(type: string): Record<string, unknown> {
  const [first, ...rest] = resourcesOfType(template, type);
  expect(rest).toHaveLength(0);
  return first?.[1] ?? {};
}

function consumerFunction(): Record<string, unknown> {
  const functions = resourcesOfType(template, 'AWS::Lambda::Function');
  const consumer = functions.find(([id]) => id.startsWith('Consumer'));
  return consumer?.[1] ?? {};
}

describe('packaged template', () => {
  describe('queue event source', () => {
    it('reports batch item failures', () => {
      const mapping = only('AWS::Lambda::EventSourceMapping');

      expect(mapping.FunctionResponseTypes).toEqual([
        'ReportBatchItemFailures',
      ]);
    });

    it('waits six consumer timeouts before redelivery', () => {
      const queues = resourcesOfType(template, 'AWS::SQS::Queue');
      const queue = queues.find(([id]) => id === 'EventsQueue')?.[1];
      const timeout = Number(consumerFunction().Timeout);

      expect(timeout).toBeGreaterThan(0);
      expect(Number(queue?.VisibilityTimeout)).toBeGreaterThanOrEqual(
        6 * timeout,
      );
    });

    it('dead-letters after five receives', () => {
      const queues = resourcesOfType(template, 'AWS::SQS::Queue');
      const queue = queues.find(([id]) => id === 'EventsQueue')?.[1];
      const dlq = queues.find(([id]) => id === 'EventsDeadLetterQueue')?.[1];
      const redrive = queue?.RedrivePolicy as { maxReceiveCount: number };

      expect(redrive.maxReceiveCount).toBeGreaterThanOrEqual(5);
      expect(dlq?.MessageRetentionPeriod).toBe(1_209_600);
    });
  });

  describe('rule', () => {
    it('matches the order events it consumes', () => {
      const rule = only('AWS::Events::Rule');

      expect(rule.EventPattern).toEqual({
        source: ['retail.orders'],
        'detail-type': ['OrderPlaced', 'OrderCancelled'],
      });
    });
  });

  describe('tables', () => {
    it('expire reservations by TTL in epoch seconds', () => {
      const tables = resourcesOfType(template, 'AWS::DynamoDB::Table');
      const reservations = tables.find(([id]) => id === 'ReservationsTable');

      expect(reservations?.[1].TimeToLiveSpecification).toEqual({
        AttributeName: 'expiresAt',
        Enabled: true,
      });
    });
  });

  describe('roles', () => {
    type Statement = { Action: string[]; Resource: unknown[] };

    /** Statements of both functions' roles: CodeDeploy has its own. */
    function statements(): Statement[] {
      return ['HttpRole', 'ConsumerRole'].flatMap((logicalId) => {
        const [, properties] =
          resourcesOfType(template, 'AWS::IAM::Role').find(
            ([id]) => id === logicalId,
          ) ?? [];
        const role = properties as {
          Policies: Array<{ PolicyDocument: { Statement: Statement[] } }>;
        };
        return role.Policies.flatMap(
          (policy) => policy.PolicyDocument.Statement,
        );
      });
    }

    it('grants DynamoDB only on its own tables', () => {
      const dynamo = statements().filter((statement) =>
        statement.Action.some((action) => action.startsWith('dynamodb:')),
      );

      const resources = dynamo.flatMap((statement) => statement.Resource);
      expect(resources).toEqual([
        { 'Fn::GetAtt': ['StockTable', 'Arn'] },
        { 'Fn::GetAtt': ['StockTable', 'Arn'] },
        { 'Fn::GetAtt': ['ReservationsTable', 'Arn'] },
      ]);
    });

    it('grants only the actions the code sends', () => {
      const actions = statements().flatMap((statement) => statement.Action);

      expect(actions).not.toContain('dynamodb:*');
      expect(actions).not.toContain('dynamodb:Scan');
      expect(actions).not.toContain('dynamodb:DeleteItem');
      expect(actions).toContain('events:PutEvents');
    });
  });
});
