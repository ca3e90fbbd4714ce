import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { SendFailedError } from '../errors';
import type {
  NotificationProvider,
  OutgoingMessage,
} from './notification-provider';

/**
 * Sends plain-text email through Amazon SES v2 SendEmail.
 *
 * NOTE: SendEmail takes no idempotency key, so if an invocation stops
 * after SES accepted a message but before the delivery was marked sent,
 * the invocation that takes over the lapsed lease sends it again.
 */
export function createSesProvider(options: {
  client: SESv2Client;
  senderAddress: string;
}): NotificationProvider {
  return {
    name: 'ses',
    async send(message) {
      try {
        const output = await options.client.send(
          toSendEmailCommand(message, options.senderAddress),
        );
        if (!output.MessageId) throw new Error('SES returned no MessageId');
        return { providerMessageId: output.MessageId };
      } catch (error) {
        throw new SendFailedError('ses', message.messageId, error);
      }
    },
  };
}

function toSendEmailCommand(
  message: OutgoingMessage,
  senderAddress: string,
): SendEmailCommand {
  return new SendEmailCommand({
    FromEmailAddress: senderAddress,
    Destination: { ToAddresses: [message.recipient] },
    Content: {
      Simple: {
        Subject: { Data: message.subject, Charset: 'UTF-8' },
        Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
      },
    },
  });
}
