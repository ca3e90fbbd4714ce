import path from 'node:path';
import { readPackagedTemplate, resourcesOfType } from '@retail/testing';

const template = readPackagedTemplate(path.resolve(__dirname, '../..'));

function resource(logicalId: string): Record<string, unknown> {
  const found = template.Resources[logicalId];
  if (!found) throw new Error(`packaged template has no ${logicalId}`);
  return found.Properties ?? {};
}

describe('packaged template', () => {
  describe('queue consumer', () => {
    it('reports partial batch failures', () => {
      const [[, mapping] = []] = resourcesOfType(
        template,
        'AWS::Lambda::EventSourceMapping',
      );

      expect(mapping?.FunctionResponseTypes).toEqual([
        'ReportBatchItemFailures',
      ]);
    });

    it('has a visibility timeout six times the consumer timeout', () => {
      const consumer = resource('ConsumerLambdaFunction');
      const queue = resource('EventsQueue');

      expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(
        6 * Number(consumer.Timeout),
      );
    });

    it('moves a message to the DLQ after five receives', () => {
      const queue = resource('EventsQueue');

      expect(queue.RedrivePolicy).toMatchObject({ maxReceiveCount: 5 });
    });
  });

  describe('tables', () => {
    it('indexes orders by customer and time', () => {
      const orders = resource('OrdersTable');

      expect(orders.GlobalSecondaryIndexes).toEqual([
        {
          IndexName: 'byCustomer',
          KeySchema: [
            { AttributeName: 'customerId', KeyType: 'HASH' },
            { AttributeName: 'createdAt', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ]);
    });

    it('expires idempotency records by expiration', () => {
      const idempotency = resource('IdempotencyTable');

      expect(idempotency.TimeToLiveSpecification).toEqual({
        AttributeName: 'expiration',
        Enabled: true,
      });
      expect(idempotency.PointInTimeRecoverySpecification).toEqual({
        PointInTimeRecoveryEnabled: true,
      });
    });
  });

  describe('rules', () => {
    it.each([
      [
        'CatalogEventsRule',
        'retail.catalog',
        ['ProductUpserted', 'ProductDeleted'],
      ],
      [
        'InventoryEventsRule',
        'retail.inventory',
        ['StockReserved', 'StockRejected'],
      ],
    ])('%s matches its source', (logicalId, source, types) => {
      const rule = resource(logicalId);

      expect(rule.EventPattern).toEqual({
        source: [source],
        'detail-type': types,
      });
    });
  });
});
