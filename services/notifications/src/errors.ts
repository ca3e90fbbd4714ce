import { ConflictError, PlatformError, ValidationError } from '@retail/shared';

/**
 * Another invocation holds the delivery lock of this event and its lease
 * has not lapsed. The record fails and SQS delivers it again later.
 */
export class DeliveryInProgressError extends ConflictError {
  constructor(eventId: string, leaseExpiresAt: number | undefined) {
    super(
      `event ${eventId} is being delivered by another invocation: retry after its lease lapses`,
      { details: { eventId, leaseExpiresAt } },
    );
  }
}

/**
 * The delivery lock was taken over before this invocation marked the
 * message sent, so the new holder records the delivery.
 */
export class LeaseLostError extends ConflictError {
  constructor(eventId: string, leaseExpiresAt: number, cause?: unknown) {
    super(
      `lost the delivery lease of event ${eventId} before marking it sent`,
      { cause, details: { eventId, leaseExpiresAt } },
    );
  }
}

/** A customer id that cannot be the local part of an email address. */
export class InvalidRecipientError extends ValidationError {
  constructor(customerId: string) {
    super(
      `invalid customerId "${customerId}" for an email recipient: use letters, digits and . _ + - only`,
      { statusCode: 422, details: { field: 'customerId', customerId } },
    );
  }
}

/** The provider rejected the message or could not be reached. */
export class SendFailedError extends PlatformError {
  constructor(provider: string, eventId: string, cause: unknown) {
    super(
      'SEND_FAILED',
      `${provider} failed to send the message of ${eventId}`,
      {
        cause,
        details: { provider, eventId },
      },
    );
  }
}
