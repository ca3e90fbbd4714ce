import type { Logger } from '@aws-lambda-powertools/logger';
import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { PlatformError } from '../errors';
import { backoffDelay, sleep } from '../retry';
import type { EventEnvelope } from './envelope';

/** PutEvents accepts at most 10 entries per call (EventBridge quotas). */
const MAX_ENTRIES_PER_CALL = 10;

/** Some events could not be published after every retry. */
export class PublishError extends PlatformError {
  constructor(failedEventIds: string[], cause?: unknown) {
    super(
      'PUBLISH_FAILED',
      `failed to publish ${failedEventIds.length} event(s) to EventBridge`,
      { cause, details: { failedEventIds } },
    );
  }
}

export interface EventPublisherOptions {
  /** Created with the default configuration when left out. */
  client?: EventBridgeClient;
  busName: string;
  logger: Logger;
  /** Attempts per entry, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
}

/** Publishes envelopes to EventBridge, 10 entries per PutEvents call. */
export interface EventPublisher {
  publish(events: EventEnvelope[]): Promise<void>;
}

/**
 * Creates a publisher that puts envelopes on an event bus and retries the
 * entries that EventBridge reports as failed, with backoff and jitter.
 */
export function createEventPublisher(
  options: EventPublisherOptions,
): EventPublisher {
  const client = options.client ?? new EventBridgeClient({});
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 50;

  async function putChunk(chunk: EventEnvelope[]): Promise<EventEnvelope[]> {
    const entries = chunk.map((event) => toEntry(event, options.busName));
    const output = await client.send(
      new PutEventsCommand({ Entries: entries }),
    );
    if (!output.FailedEntryCount) return [];

    // Entries come back in request order; a failed one has an ErrorCode.
    return chunk.filter((_, index) => output.Entries?.[index]?.ErrorCode);
  }

  async function publishChunk(chunk: EventEnvelope[]): Promise<void> {
    let pending = chunk;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      pending = await putChunk(pending);
      if (pending.length === 0) return;
      if (attempt >= maxAttempts) {
        throw new PublishError(pending.map((event) => event.id));
      }
      options.logger.warn('retrying events that EventBridge rejected', {
        eventIds: pending.map((event) => event.id),
        attempt,
      });
      await sleep(backoffDelay(attempt, { baseMs: baseDelayMs }));
    }
  }

  return {
    async publish(events) {
      for (let i = 0; i < events.length; i += MAX_ENTRIES_PER_CALL) {
        await publishChunk(events.slice(i, i + MAX_ENTRIES_PER_CALL));
      }
    },
  };
}

function toEntry(event: EventEnvelope, busName: string): PutEventsRequestEntry {
  return {
    EventBusName: busName,
    Source: event.source,
    DetailType: event.type,
    Time: new Date(event.time),
    Detail: JSON.stringify(event),
  };
}
