import {
  type CloudFormationTemplate,
  readPackagedTemplate,
  resourcesOfType,
} from '@retail/testing';
import { SERVICE_DIR } from '../support/test-bed';

interface Statement {
  Action: string[];
  Resource: unknown[];
}

let template: CloudFormationTemplate;

beforeAll(() => {
  template = readPackagedTemplate(SERVICE_DIR);
});

function properties(logicalId: string): Record<string, unknown> {
  const resource = template.Resources[logicalId];
  if (!resource) throw new Error(`packaged template has no ${logicalId}`);
  return resource.Properties ?? {};
}

function roleStatements(role: 'HttpRole' | 'ConsumerRole'): Statement[] {
  const policies = properties(role).Policies as Array<{
    PolicyDocument: { Statement: Statement[] };
  }>;
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

describe('packaged template', () => {
  describe('queue consumer', () => {
    it('reports batch item failures', () => {
      const mappings = resourcesOfType(
        template,
        'AWS::Lambda::EventSourceMapping',
      );

      expect(mappings).toHaveLength(1);
      expect(mappings[0]?.[1].FunctionResponseTypes).toEqual([
        'ReportBatchItemFailures',
      ]);
    });

    it('gives visibility six consumer timeouts', () => {
      const timeout = Number(properties('ConsumerLambdaFunction').Timeout);

      const visibility = Number(properties('EventsQueue').VisibilityTimeout);

      expect(visibility).toBeGreaterThanOrEqual(6 * timeout);
    });

    it('redrives after five receives at least', () => {
      const redrive = properties('EventsQueue').RedrivePolicy as {
        maxReceiveCount: number;
      };

      expect(redrive.maxReceiveCount).toBeGreaterThanOrEqual(5);
    });

    it('keeps dead letters for 14 days', () => {
      const retention = properties(
        'EventsDeadLetterQueue',
      ).MessageRetentionPeriod;

      expect(retention).toBe(14 * 24 * 60 * 60);
    });
  });

  describe('rule', () => {
    it('matches the consumed stock events', () => {
      const pattern = properties('EventsRule').EventPattern;

      expect(pattern).toEqual({
        source: ['retail.inventory'],
        'detail-type': ['StockDepleted', 'StockReplenished'],
      });
    });
  });

  describe('roles', () => {
    it('allows DynamoDB actions on the products table only', () => {
      const dynamo = roleStatements('HttpRole').filter((statement) =>
        statement.Action.some((action) => action.startsWith('dynamodb:')),
      );

      expect(dynamo).toHaveLength(1);
      expect(dynamo[0]?.Resource).toEqual([
        { 'Fn::GetAtt': ['ProductsTable', 'Arn'] },
      ]);
      expect([...(dynamo[0]?.Action ?? [])].sort()).toEqual([
        'dynamodb:BatchGetItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Scan',
        'dynamodb:UpdateItem',
      ]);
    });

    it('allows PutEvents on the bus only', () => {
      const events = roleStatements('HttpRole').filter((statement) =>
        statement.Action.some((action) => action.startsWith('events:')),
      );

      expect(events).toHaveLength(1);
      expect(events[0]?.Action).toEqual(['events:PutEvents']);
    });

    it('lets the consumer read and update products only', () => {
      const dynamo = roleStatements('ConsumerRole').filter((statement) =>
        statement.Action.some((action) => action.startsWith('dynamodb:')),
      );

      expect(dynamo).toHaveLength(1);
      expect([...(dynamo[0]?.Action ?? [])].sort()).toEqual([
        'dynamodb:GetItem',
        'dynamodb:UpdateItem',
      ]);
    });
  });
});
