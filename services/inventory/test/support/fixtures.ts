import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  createEnvelope,
  EVENT_SOURCES,
  type EventEnvelope,
  type EventPayload,
} from '@retail/shared';
import {
  eventBridgeBody,
  lambdaContext,
  sqsEvent,
  sqsRecord,
} from '@retail/testing';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Dependencies } from '../../src/dependencies';

export type OrderLine = { sku: string; quantity: number };

export function orderPlaced(
  orderId: string,
  lines: OrderLine[],
): EventEnvelope<'OrderPlaced', EventPayload<'OrderPlaced'>> {
  const payload = {
    orderId,
    customerId: 'C-1',
    lines,
    total: { amount: 1000, currency: 'GBP' as const },
  };
  return createEnvelope(EVENT_SOURCES.orders, 'OrderPlaced', payload, {
    id: `OrderPlaced:${orderId}`,
  });
}

export function orderCancelled(
  orderId: string,
): EventEnvelope<'OrderCancelled', EventPayload<'OrderCancelled'>> {
  const payload = { orderId, customerId: 'C-1', reason: 'customer request' };
  return createEnvelope(EVENT_SOURCES.orders, 'OrderCancelled', payload, {
    id: `OrderCancelled:${orderId}`,
  });
}

/** Builds an SQS batch with one EventBridge-wrapped record per envelope. */
export function deliveryOf(
  envelopes: EventEnvelope[],
  receiveCount = 1,
): SQSEvent {
  return sqsEvent(
    envelopes.map((envelope) =>
      sqsRecord(eventBridgeBody(envelope), { receiveCount }),
    ),
  );
}

export type Consumer = (
  event: SQSEvent,
  context: Context,
) => Promise<SQSBatchResponse>;

/** Delivers the envelopes in one batch and returns the failed messageIds. */
export async function deliver(
  consumer: Consumer,
  envelopes: EventEnvelope[],
  options: { receiveCount?: number; context?: Context } = {},
): Promise<string[]> {
  const event = deliveryOf(envelopes, options.receiveCount);
  const response = await consumer(event, options.context ?? lambdaContext());
  return response.batchItemFailures.map((failure) => failure.itemIdentifier);
}

/** Writes stock items as PUT /stock would, with empty holds. */
export async function seedStock(
  deps: Dependencies,
  levels: Record<string, number>,
): Promise<void> {
  const updatedAt = new Date(deps.now()).toISOString();
  for (const [sku, available] of Object.entries(levels)) {
    await deps.documentClient.send(
      new PutCommand({
        TableName: deps.stock.tableName,
        Item: deps.stock.toItem(sku, available, updatedAt),
      }),
    );
  }
}

export interface StoredStock {
  sku: string;
  available: number;
  holds: Record<string, number>;
  updatedAt: string;
}

/** Reads a stock item as stored, holds included. */
export async function readStock(
  deps: Dependencies,
  sku: string,
): Promise<StoredStock | undefined> {
  const { Item } = await deps.documentClient.send(
    new GetCommand({
      TableName: deps.stock.tableName,
      Key: { sku },
      ConsistentRead: true,
    }),
  );
  return Item as StoredStock | undefined;
}

export async function availableOf(
  deps: Dependencies,
  sku: string,
): Promise<number | undefined> {
  return (await readStock(deps, sku))?.available;
}
