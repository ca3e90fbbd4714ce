import { createEnvelope, EVENT_SOURCES } from '@retail/shared';
import { eventBridgeBody, sqsEvent, sqsRecord } from '@retail/testing';
import type { SQSEvent, SQSRecord } from 'aws-lambda';

/** Builds an SQS record carrying an envelope as EventBridge delivers it. */
export function envelopeRecord(
  source: string,
  type: string,
  payload: unknown,
  options: { receiveCount?: number; id?: string } = {},
): SQSRecord {
  const envelope = createEnvelope(source, type, payload, {
    ...(options.id ? { id: options.id } : {}),
  });
  return sqsRecord(eventBridgeBody(envelope), {
    ...(options.receiveCount ? { receiveCount: options.receiveCount } : {}),
  });
}

export function stockReservedRecord(orderId: string, receiveCount = 1) {
  return envelopeRecord(
    EVENT_SOURCES.inventory,
    'StockReserved',
    { orderId },
    { receiveCount },
  );
}

export function stockRejectedRecord(
  orderId: string,
  sku = 'SKU-1',
  receiveCount = 1,
) {
  return envelopeRecord(
    EVENT_SOURCES.inventory,
    'StockRejected',
    { orderId, reason: 'OUT_OF_STOCK', sku, requested: 2, available: 0 },
    { receiveCount },
  );
}

/** Builds an SQS event of one StockReserved or StockRejected record. */
export function stockEvent(
  type: 'StockReserved' | 'StockRejected',
  orderId: string,
): SQSEvent {
  return sqsEvent([
    type === 'StockReserved'
      ? stockReservedRecord(orderId)
      : stockRejectedRecord(orderId),
  ]);
}

export function productUpsertedRecord(
  sku: string,
  revision: number,
  amount: number,
  active = true,
) {
  return envelopeRecord(EVENT_SOURCES.catalog, 'ProductUpserted', {
    sku,
    name: `Product ${sku} r${revision}`,
    price: { amount, currency: 'GBP' },
    active,
    revision,
  });
}

export function productDeletedRecord(sku: string, revision: number) {
  return envelopeRecord(EVENT_SOURCES.catalog, 'ProductDeleted', {
    sku,
    revision,
  });
}
