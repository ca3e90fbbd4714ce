import type { SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import { PlatformError } from '../errors';
import { type EventType, eventSchemas } from '../events/contracts';
import { type EventEnvelope, envelopeSchema } from '../events/envelope';

/** A record whose body can never be processed: not JSON or off-schema. */
export class PoisonMessageError extends PlatformError {
  constructor(
    message: string,
    details: Record<string, unknown>,
    cause?: unknown,
  ) {
    super('POISON_MESSAGE', message, { details, cause });
  }
}

/**
 * Parses an SQS record body into a validated envelope. Accepts the body
 * EventBridge delivers (the envelope in `detail`) and a bare envelope.
 * Throws PoisonMessageError naming the messageId and what is wrong.
 */
export function parseRecord(record: SQSRecord): EventEnvelope {
  const details = { messageId: record.messageId };
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch (error) {
    throw new PoisonMessageError(
      'record body is not JSON: producers must send an event envelope',
      details,
      error,
    );
  }

  const candidate = unwrapEventBridge(body);
  const envelope = envelopeSchema.safeParse(candidate);
  if (!envelope.success) {
    throw new PoisonMessageError(
      `record body is not an event envelope: ${describeIssues(envelope.error)}`,
      details,
    );
  }
  return envelope.data as EventEnvelope;
}

/** Validates an envelope's payload against the schema of its type. */
export function parsePayload<TType extends EventType>(
  envelope: EventEnvelope,
  type: TType,
  messageId: string,
): z.infer<(typeof eventSchemas)[TType]> {
  const details = { messageId, eventId: envelope.id, eventType: type };
  if (envelope.version !== 1) {
    throw new PoisonMessageError(
      `${type} version ${envelope.version} is not supported: this consumer reads version 1`,
      details,
    );
  }

  const result = eventSchemas[type].safeParse(envelope.payload);
  if (!result.success) {
    throw new PoisonMessageError(
      `${type} payload is invalid: ${describeIssues(result.error)}`,
      details,
    );
  }
  return result.data as z.infer<(typeof eventSchemas)[TType]>;
}

function unwrapEventBridge(body: unknown): unknown {
  if (
    typeof body === 'object' &&
    body !== null &&
    'detail-type' in body &&
    'detail' in body
  ) {
    return body.detail;
  }
  return body;
}

/** Formats zod issues as "path: message" pairs, for errors and logs. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}
