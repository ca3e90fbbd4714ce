import type { EventEnvelope, RecordContext } from '@retail/shared';
import type { LogEntry } from '../data/notification-log';
import type { Dependencies } from '../dependencies';
import type { RenderedMessage } from '../templates/rendered-message';
import { recipientFor } from './recipient';

/** The order, customer and rendered message of one consumed event. */
export interface NotificationRequest {
  envelope: EventEnvelope;
  orderId: string;
  customerId: string;
  message: RenderedMessage;
}

/**
 * Delivers the message of one event once. It takes the event's delivery
 * lock, sends through the provider, marks the delivery sent and defers the
 * log entry to the batch's BatchWriteItem. An event sent before is not
 * sent again, but its log entry is written again, which repairs a log
 * write that failed after the send. Throws DeliveryInProgressError or
 * LeaseLostError so that SQS delivers the record again.
 */
export async function deliverNotification(
  deps: Dependencies,
  request: NotificationRequest,
  context: RecordContext,
): Promise<void> {
  const eventId = request.envelope.id;
  // Checked before the lock is written, so an invalid id writes nothing.
  const recipient = recipientFor(
    request.customerId,
    deps.config.recipientDomain,
  );
  const now = deps.clock();
  const leaseExpiresAt = now + context.lambdaContext.getRemainingTimeInMillis();

  const lock = await deps.deliveries.acquire({
    eventId,
    orderId: request.orderId,
    template: request.message.template,
    leaseExpiresAt,
    now,
  });
  const ids = { eventId, orderId: request.orderId };

  if (lock.kind === 'sent') {
    context.logger.info('event delivered before, message not sent again', ids);
    await deps.notificationLog.put(logEntry(request, recipient, lock));
    return;
  }
  if (lock.takenOverLease !== undefined) {
    context.logger.warn('took over a lapsed delivery lease', {
      ...ids,
      lapsedLeaseExpiresAt: lock.takenOverLease,
      receiveCount: context.receiveCount,
    });
  }

  const sent = await send(deps, request, recipient);
  await deps.deliveries.markSent({ eventId, leaseExpiresAt, ...sent });
  context.deferWrite(
    deps.notificationLog.toWrite(logEntry(request, recipient, sent)),
  );
  context.logger.info('message sent', { ...ids, ...sent });
}

async function send(
  deps: Dependencies,
  request: NotificationRequest,
  recipient: string,
): Promise<{ providerMessageId: string; sentAt: string }> {
  const { providerMessageId } = await deps.provider.send({
    messageId: request.envelope.id,
    orderId: request.orderId,
    recipient,
    subject: request.message.subject,
    text: request.message.text,
  });
  return { providerMessageId, sentAt: new Date(deps.clock()).toISOString() };
}

function logEntry(
  request: NotificationRequest,
  recipient: string,
  sent: { providerMessageId: string; sentAt: string },
): LogEntry {
  return {
    orderId: request.orderId,
    eventId: request.envelope.id,
    template: request.message.template,
    recipient,
    subject: request.message.subject,
    providerMessageId: sent.providerMessageId,
    sentAt: sent.sentAt,
  };
}
