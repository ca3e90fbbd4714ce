import { randomUUID } from 'node:crypto';
import {
  createEnvelope,
  EVENT_SOURCES,
  type EventEnvelope,
  type EventPayload,
} from '@retail/shared';
import { eventBridgeBody, sqsRecord } from '@retail/testing';
import type { SQSRecord } from 'aws-lambda';

/** Returns a new order id, so tests sharing tables stay apart. */
export function newOrderId(): string {
  return `O-${randomUUID()}`;
}

export function orderConfirmed(
  orderId = newOrderId(),
): EventEnvelope<'OrderConfirmed', EventPayload<'OrderConfirmed'>> {
  return createEnvelope(
    EVENT_SOURCES.orders,
    'OrderConfirmed',
    {
      orderId,
      customerId: 'C-42',
      total: { amount: 1250, currency: 'GBP' },
      lineCount: 1,
    },
    { id: `OrderConfirmed:${orderId}` },
  );
}

export function orderCancelled(
  orderId = newOrderId(),
): EventEnvelope<'OrderCancelled', EventPayload<'OrderCancelled'>> {
  return createEnvelope(
    EVENT_SOURCES.orders,
    'OrderCancelled',
    { orderId, customerId: 'C-42', reason: 'customer request' },
    { id: `OrderCancelled:${orderId}` },
  );
}

/** Wraps an envelope in an SQS record, as EventBridge delivers it. */
export function recordOf(envelope: EventEnvelope, receiveCount = 1): SQSRecord {
  return sqsRecord(eventBridgeBody(envelope), { receiveCount });
}
