import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '@retail/shared';
import {
  lambdaContext,
  sqsEvent,
  sqsRecord,
  TEST_CREDENTIALS,
  TEST_REGION,
} from '@retail/testing';
import type { Deliveries } from '../../src/data/deliveries';
import type { NotificationLog } from '../../src/data/notification-log';
import { createDependencies } from '../../src/dependencies';
import { createConsumerHandler } from '../../src/handlers/consumer';
import type { NotificationProvider } from '../../src/providers/notification-provider';
import { silentLogger, testConfig } from '../support/dependencies';
import { orderConfirmed, recordOf } from '../support/envelopes';

// In-memory stand-ins: every event counts as delivered before, so a valid
// record succeeds without a database and poison records fail.
const deliveredBefore: Deliveries = {
  acquire: async () => ({
    kind: 'sent',
    providerMessageId: 'earlier',
    sentAt: '2025-12-04T08:00:00.000Z',
  }),
  markSent: async () => undefined,
};

const memoryLog: NotificationLog = {
  toWrite: (entry) => ({ tableName: 'log', put: { ...entry } }),
  put: async () => undefined,
  listByOrder: async () => [],
};

const unusedProvider: NotificationProvider = {
  name: 'outbox',
  send: async () => {
    throw new Error('no message is sent in this test');
  },
};

/** Returns the EMF documents that Powertools Metrics wrote to stdout. */
function captureEmf() {
  const written: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  return () =>
    written
      .flatMap((chunk) => chunk.split('\n'))
      .filter((line) => line.includes('"_aws"'))
      .map((line) => JSON.parse(line));
}

describe('consumer metrics', () => {
  it('emits RecordsFailed per function version', async () => {
    const deps = createDependencies({
      config: testConfig({
        deliveries: 'deliveries',
        log: 'log',
        outbox: 'outbox',
      }),
      documentClient: createDocumentClient(
        new DynamoDBClient({
          region: TEST_REGION,
          credentials: TEST_CREDENTIALS,
        }),
      ),
      deliveries: deliveredBefore,
      notificationLog: memoryLog,
      provider: unusedProvider,
      logger: silentLogger(),
    });
    const emf = captureEmf();
    const event = sqsEvent([
      recordOf(orderConfirmed()),
      sqsRecord('orderId=O-12;sku=SKU-2'),
      sqsRecord({ not: 'an envelope' }),
    ]);

    const result = await createConsumerHandler(deps)(
      event,
      lambdaContext({
        functionName: 'retail-notifications-prod-consumer',
        functionVersion: '7',
        invokedFunctionArn:
          'arn:aws:lambda:eu-west-2:000000000000:function:retail-notifications-prod-consumer:Live',
      }),
    );

    expect(result.batchItemFailures).toHaveLength(2);
    const documents = emf();
    const failed = documents.find((document) => 'RecordsFailed' in document);
    const processed = documents.find(
      (document) => 'RecordsProcessed' in document,
    );
    expect(failed.RecordsFailed).toBe(2);
    expect(processed.RecordsProcessed).toBe(3);
    expect(failed).toMatchObject({
      FunctionName: 'retail-notifications-prod-consumer',
      Resource: 'retail-notifications-prod-consumer:Live',
      ExecutedVersion: '7',
    });
    expect(failed._aws.CloudWatchMetrics[0].Dimensions).toEqual([
      ['FunctionName', 'Resource', 'ExecutedVersion'],
    ]);
  });
});
