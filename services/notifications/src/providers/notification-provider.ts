import type { ProviderKind } from '../config';

/** A message ready to send to one customer. */
export interface OutgoingMessage {
  /** The eventId, the key of a provider that can deduplicate sends. */
  messageId: string;
  orderId: string;
  recipient: string;
  subject: string;
  text: string;
}

/** A channel that delivers customer messages. */
export interface NotificationProvider {
  readonly name: ProviderKind;
  /**
   * Sends a message and returns the provider's id for it. Throws
   * SendFailedError when the provider rejects it or cannot be reached.
   */
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}
