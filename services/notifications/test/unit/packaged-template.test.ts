import path from 'node:path';
import { readPackagedTemplate, resourcesOfType } from '@retail/testing';

// Jest's global setup packages the service for the `local` stage.
const template = readPackagedTemplate(path.join(__dirname, '../..'));

function resource(logicalId: string): Record<string, unknown> {
  const properties = template.Resources[logicalId]?.Properties;
  if (!properties) throw new Error(`the template has no ${logicalId}`);
  return properties;
}

function lambdaFunction(logicalId: string) {
  return resource(logicalId) as {
    Timeout: number;
    Environment: { Variables: Record<string, string> };
  };
}

describe('packaged template', () => {
  describe('event source mapping', () => {
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
  });

  describe('events queue', () => {
    const queue = resource('EventsQueue') as {
      VisibilityTimeout: number;
      RedrivePolicy: { maxReceiveCount: number };
    };

    it('outlasts six consumer timeouts', () => {
      const consumer = lambdaFunction('ConsumerLambdaFunction');

      expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(
        6 * consumer.Timeout,
      );
    });

    it('redrives after at least five receives', () => {
      expect(queue.RedrivePolicy.maxReceiveCount).toBeGreaterThanOrEqual(5);
    });

    it('keeps dead letters for 14 days', () => {
      const deadLetters = resource('EventsDeadLetterQueue');

      expect(deadLetters.MessageRetentionPeriod).toBe(14 * 24 * 60 * 60);
    });
  });

  describe('events rule', () => {
    it('matches the consumed order outcomes', () => {
      const rule = resource('EventsRule') as {
        EventPattern: { source: string[]; 'detail-type': string[] };
      };

      expect(rule.EventPattern.source).toEqual(['retail.orders']);
      expect(rule.EventPattern['detail-type'].sort()).toEqual([
        'OrderCancelled',
        'OrderConfirmed',
        'OrderRejected',
      ]);
    });
  });

  describe('local stage', () => {
    it.each(['HttpLambdaFunction', 'ConsumerLambdaFunction'])(
      'selects the outbox for %s',
      (logicalId) => {
        const variables = lambdaFunction(logicalId).Environment.Variables;

        expect(variables.NOTIFICATION_PROVIDER).toBe('outbox');
      },
    );
  });

  describe('deliveries table', () => {
    it('expires items by expiresAt', () => {
      const table = resource('DeliveriesTable');

      expect(table.TimeToLiveSpecification).toEqual({
        AttributeName: 'expiresAt',
        Enabled: true,
      });
    });
  });
});
