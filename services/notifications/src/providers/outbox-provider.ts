import type { Logger } from '@aws-lambda-powertools/logger';
import type { Outbox } from '../data/outbox';
import { SendFailedError } from '../errors';
import type { NotificationProvider } from './notification-provider';

/**
 * Delivers messages into the outbox table, for the local cloud. The
 * provider message id is the eventId, and a message already in the outbox
 * is kept as it is, so sending an event's message twice stores it once.
 */
export function createOutboxProvider(options: {
  outbox: Outbox;
  clock: () => number;
  logger: Logger;
}): NotificationProvider {
  return {
    name: 'outbox',
    async send(message) {
      let stored: boolean;
      try {
        stored = await options.outbox.putOnce({
          ...message,
          createdAt: new Date(options.clock()).toISOString(),
        });
      } catch (error) {
        throw new SendFailedError('outbox', message.messageId, error);
      }

      if (!stored) {
        options.logger.info('message already in the outbox, kept as it was', {
          messageId: message.messageId,
          orderId: message.orderId,
        });
      }
      return { providerMessageId: message.messageId };
    },
  };
}
