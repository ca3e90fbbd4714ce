import { createEnvelope, EVENT_SOURCES } from '@retail/shared';
import {
  eventBridgeBody,
  lambdaContext,
  sqsEvent,
  sqsRecord,
} from '@retail/testing';
import type { SQSBatchResponse } from 'aws-lambda';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { createHttpHandler } from '../../src/handlers/http';
import { invoke } from '../support/http';
import {
  createTestDependencies,
  readRawItem,
  startTestBed,
  type TestBed,
  type TestDependencies,
} from '../support/test-bed';

type StockEventType = 'StockDepleted' | 'StockReplenished';

let bed: TestBed;
let deps: TestDependencies;
let consumer: ReturnType<typeof createConsumerHandler>;

beforeAll(async () => {
  bed = await startTestBed();
});

afterAll(async () => {
  await bed.stop();
});

beforeEach(() => {
  deps = createTestDependencies(bed);
  consumer = createConsumerHandler(deps);
});

async function createProduct(sku: string): Promise<void> {
  const response = await invoke(createHttpHandler(deps), 'POST', '/products', {
    body: { sku, name: sku, price: { amount: 100, currency: 'GBP' } },
  });
  if (response.statusCode !== 201) {
    throw new Error(`create ${sku} returned ${response.statusCode}`);
  }
}

function stockRecord(type: StockEventType, sku: string, time: string) {
  const envelope = createEnvelope(
    EVENT_SOURCES.inventory,
    type,
    { sku, available: type === 'StockDepleted' ? 0 : 5 },
    { time: new Date(time) },
  );
  // createEnvelope writes UTC, so the producer's own format is put back.
  return sqsRecord(eventBridgeBody({ ...envelope, time }));
}

function consume(
  ...records: ReturnType<typeof stockRecord>[]
): Promise<SQSBatchResponse> {
  return consumer(sqsEvent(records), lambdaContext());
}

describe('stock event consumer', () => {
  describe('applying', () => {
    it('marks a depleted product out of stock', async () => {
      await createProduct('STOCK-1');

      const result = await consume(
        stockRecord('StockDepleted', 'STOCK-1', '2025-01-15T10:00:00.000Z'),
      );

      const item = await readRawItem(bed, 'STOCK-1');
      expect(result).toEqual({ batchItemFailures: [] });
      expect(item?.inStock).toEqual({ BOOL: false });
      expect(item?.stockUpdatedAt).toEqual({ S: '2025-01-15T10:00:00.000Z' });
    });

    it('marks a replenished product in stock', async () => {
      await createProduct('STOCK-2');
      await consume(
        stockRecord('StockDepleted', 'STOCK-2', '2025-01-15T10:00:00.000Z'),
      );

      await consume(
        stockRecord('StockReplenished', 'STOCK-2', '2025-01-15T11:00:00.000Z'),
      );

      const item = await readRawItem(bed, 'STOCK-2');
      expect(item?.inStock).toEqual({ BOOL: true });
    });

    it('leaves revision and updatedAt alone', async () => {
      await createProduct('STOCK-3');
      const before = await readRawItem(bed, 'STOCK-3');

      await consume(
        stockRecord('StockDepleted', 'STOCK-3', '2025-01-15T10:00:00.000Z'),
      );

      const after = await readRawItem(bed, 'STOCK-3');
      expect(after?.revision).toEqual(before?.revision);
      expect(after?.updatedAt).toEqual(before?.updatedAt);
    });

    it('normalises times with an offset', async () => {
      await createProduct('STOCK-4');

      await consume(
        stockRecord('StockDepleted', 'STOCK-4', '2025-01-15T11:30:00+01:00'),
      );

      const item = await readRawItem(bed, 'STOCK-4');
      expect(item?.stockUpdatedAt).toEqual({ S: '2025-01-15T10:30:00.000Z' });
    });
  });

  describe('dropping', () => {
    it('drops an older event as stale', async () => {
      await createProduct('STALE-1');
      await consume(
        stockRecord('StockDepleted', 'STALE-1', '2025-01-15T12:00:00.000Z'),
      );
      const info = jest.spyOn(deps.logger, 'info');

      const result = await consume(
        stockRecord('StockReplenished', 'STALE-1', '2025-01-15T11:00:00.000Z'),
      );

      const item = await readRawItem(bed, 'STALE-1');
      expect(result).toEqual({ batchItemFailures: [] });
      expect(item?.inStock).toEqual({ BOOL: false });
      expect(item?.stockUpdatedAt).toEqual({ S: '2025-01-15T12:00:00.000Z' });
      expect(info).toHaveBeenCalledWith(
        'stale stock event dropped',
        expect.objectContaining({ sku: 'STALE-1' }),
      );
    });

    it('drops a redelivered event', async () => {
      await createProduct('STALE-2');
      const record = stockRecord(
        'StockDepleted',
        'STALE-2',
        '2025-01-15T12:00:00.000Z',
      );
      await consume(record);

      const result = await consume({ ...record, receiptHandle: 'second' });

      expect(result).toEqual({ batchItemFailures: [] });
    });

    it('drops an unknown SKU with a warning', async () => {
      const warn = jest.spyOn(deps.logger, 'warn');
      const record = stockRecord(
        'StockDepleted',
        'UNKNOWN-1',
        '2025-01-15T12:00:00.000Z',
      );

      const result = await consume(record);

      expect(result).toEqual({ batchItemFailures: [] });
      expect(await readRawItem(bed, 'UNKNOWN-1')).toBeUndefined();
      expect(warn).toHaveBeenCalledWith(
        'stock event for unknown SKU dropped',
        expect.objectContaining({
          sku: 'UNKNOWN-1',
          messageId: record.messageId,
        }),
      );
    });
  });

  describe('failures', () => {
    it('fails only the record with a bad payload', async () => {
      await createProduct('BATCH-1');
      const good = stockRecord(
        'StockDepleted',
        'BATCH-1',
        '2025-01-15T10:00:00.000Z',
      );
      const bad = sqsRecord(
        eventBridgeBody({
          ...createEnvelope(EVENT_SOURCES.inventory, 'StockDepleted', {
            sku: 'BATCH-1',
            available: 'none',
          }),
        }),
      );

      const result = await consume(good, bad);

      const item = await readRawItem(bed, 'BATCH-1');
      expect(result).toEqual({
        batchItemFailures: [{ itemIdentifier: bad.messageId }],
      });
      expect(item?.inStock).toEqual({ BOOL: false });
    });
  });
});
