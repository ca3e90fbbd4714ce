import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { LocalCloudError } from '../errors';
import type { Logger } from '../logger';
import { matchEventPattern } from './matchEventPattern';
import {
  type EntryError,
  type EventBridgeEvent,
  entrySize,
  type PutEventsRequestEntry,
  readPutEventsEntry,
} from './readPutEventsEntry';

/** A rule with its targets resolved to queue URLs. */
export interface BusRule {
  name: string;
  eventBusName: string;
  eventPattern: Record<string, unknown>;
  targets: QueueTarget[];
}

export interface QueueTarget {
  queueUrl: string;
  /** SqsParameters.MessageGroupId, required for FIFO queues. */
  messageGroupId: string | undefined;
}

export interface PutEventsResponse {
  FailedEntryCount: number;
  Entries: ({ EventId: string } | EntryError)[];
}

/** PutEvents usage, for the benchmark. */
export interface EventBridgeUsage {
  putEventsCalls: number;
  /** Entries accepted. */
  entries: number;
  /** Entries rejected with an ErrorCode. */
  failedEntries: number;
  /** Accepted entries that matched no rule on their bus. */
  unmatchedEntries: number;
  /** Accepted entries in 64 KB chunks, the unit EventBridge bills. */
  billedEvents: number;
}

/** A request-level PutEvents error, sent as an AWS JSON 1.1 error. */
export class PutEventsRequestError extends LocalCloudError {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** PutEvents quotas: source, the PutEvents page of the EventBridge API reference. */
const MAX_ENTRIES = 10;
const MAX_REQUEST_BYTES = 256 * 1024;
const BILLING_CHUNK_BYTES = 64 * 1024;

/**
 * The event buses of the local cloud: rules by bus, PutEvents, and
 * delivery of matched events to SQS targets.
 */
export class EventBus {
  private readonly rules: BusRule[] = [];
  private readonly usage: EventBridgeUsage = {
    putEventsCalls: 0,
    entries: 0,
    failedEntries: 0,
    unmatchedEntries: 0,
    billedEvents: 0,
  };

  constructor(
    private readonly sqs: SQSClient,
    private readonly log: Logger,
  ) {}

  addRule(rule: BusRule): void {
    this.rules.push(rule);
  }

  getUsage(): EventBridgeUsage {
    return { ...this.usage };
  }

  /**
   * Accepts the entries of one PutEvents request and sends each matched
   * event to its targets before returning, so that a caller which waits
   * for the response finds the messages on the queues.
   */
  async putEvents(entries: unknown): Promise<PutEventsResponse> {
    this.usage.putEventsCalls += 1;
    const list = checkEntries(entries);

    const results = await Promise.all(
      list.map((entry) => this.putEntry(entry)),
    );
    return {
      FailedEntryCount: results.filter((result) => 'ErrorCode' in result)
        .length,
      Entries: results,
    };
  }

  private async putEntry(
    entry: PutEventsRequestEntry,
  ): Promise<{ EventId: string } | EntryError> {
    const read = readPutEventsEntry(entry);
    if ('error' in read) {
      this.usage.failedEntries += 1;
      return read.error;
    }

    this.usage.entries += 1;
    this.usage.billedEvents += Math.max(
      1,
      Math.ceil(entrySize(entry) / BILLING_CHUNK_BYTES),
    );
    await this.deliver(read.event, read.eventBusName);
    return { EventId: read.event.id };
  }

  private async deliver(
    event: EventBridgeEvent,
    eventBusName: string,
  ): Promise<void> {
    const matched = this.rules.filter(
      (rule) =>
        rule.eventBusName === eventBusName &&
        matchEventPattern(
          rule.eventPattern,
          event as unknown as Record<string, unknown>,
        ),
    );
    if (matched.length === 0) {
      this.usage.unmatchedEntries += 1;
      return;
    }

    const sends = matched.flatMap((rule) =>
      rule.targets.map((target) => this.send(event, rule, target)),
    );
    await Promise.all(sends);
  }

  /**
   * Sends one event to one queue. A failed send is logged and dropped:
   * EventBridge would retry for up to 24 hours.
   */
  private async send(
    event: EventBridgeEvent,
    rule: BusRule,
    target: QueueTarget,
  ): Promise<void> {
    const fifo = target.queueUrl.endsWith('.fifo');
    try {
      await this.sqs.send(
        new SendMessageCommand({
          QueueUrl: target.queueUrl,
          MessageBody: JSON.stringify(event),
          MessageGroupId: target.messageGroupId,
          MessageDeduplicationId: fifo ? event.id : undefined,
        }),
      );
    } catch (error) {
      this.log.error('event delivery to queue failed; the event is dropped', {
        rule: rule.name,
        queueUrl: target.queueUrl,
        eventId: event.id,
        error,
      });
    }
  }
}

function checkEntries(entries: unknown): PutEventsRequestEntry[] {
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new PutEventsRequestError(
      'ValidationException',
      "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  if (entries.length > MAX_ENTRIES) {
    throw new PutEventsRequestError(
      'ValidationException',
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ENTRIES}`,
    );
  }

  const list = entries as PutEventsRequestEntry[];
  const total = list.reduce((sum, entry) => sum + entrySize(entry), 0);
  if (total > MAX_REQUEST_BYTES) {
    throw new PutEventsRequestError(
      'ValidationException',
      'Total size of the entries in the request is over the limit.',
    );
  }
  return list;
}
