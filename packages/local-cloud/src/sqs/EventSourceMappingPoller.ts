import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import type { Logger } from '../logger';
import type { EventSourceMappingSpec } from '../template/readEventSourceMappings';
import { settleBatch } from './settleBatch';
import { toSqsRecord } from './toSqsRecord';

export interface PollerOptions {
  mapping: EventSourceMappingSpec;
  queueUrl: string;
  /** The queue's VisibilityTimeout, or the override for tests. */
  visibilityTimeoutSeconds: number;
  /** A client whose requests are metered, as AWS bills the poller's. */
  sqs: SQSClient;
  invoke: (functionName: string, event: SQSEvent) => Promise<unknown>;
  log: Logger;
}

/** Concurrent batches per mapping when ScalingConfig sets none. */
export const DEFAULT_MAXIMUM_CONCURRENCY = 2;

/** SQS's limits for one ReceiveMessage request. */
const MAX_MESSAGES_PER_RECEIVE = 10;
const LONG_POLL_SECONDS = 20;
const DELETE_BATCH_SIZE = 10;

/** Pause after a failed receive or delete before the next attempt. */
const RETRY_DELAY_MS = 1_000;

/**
 * Polls one SQS queue for one event source mapping, as Lambda does: it
 * gathers batches, invokes the function, and deletes the messages the
 * invocation handled. Messages it does not delete reappear after the
 * visibility timeout, and SQS moves them to the dead-letter queue after
 * maxReceiveCount receives.
 *
 * NOTE: local-aws-sqs 2.0.2 returns from ReceiveMessage only once it has
 * MaxNumberOfMessages messages or WaitTimeSeconds has passed, whereas SQS
 * returns as soon as any message is available. So each batch starts with
 * a long poll for one message, and a second receive gathers the rest.
 * Without a batching window that receive waits 0 seconds, which
 * local-aws-sqs serves after 40 ms, and with a window it waits for the
 * rest of the window. A batch therefore costs up to two receives where
 * SQS would often need one.
 */
export class EventSourceMappingPoller {
  private readonly options: PollerOptions;
  private readonly abort = new AbortController();
  private loops: Promise<void>[] = [];
  private active = 0;

  constructor(options: PollerOptions) {
    this.options = options;
  }

  /** Batches received and not yet settled. */
  get activeBatches(): number {
    return this.active;
  }

  get concurrency(): number {
    return (
      this.options.mapping.maximumConcurrency ?? DEFAULT_MAXIMUM_CONCURRENCY
    );
  }

  start(): void {
    for (let slot = 0; slot < this.concurrency; slot += 1) {
      this.loops.push(this.pollLoop());
    }
  }

  /** Stops receiving and waits for the batches in progress to settle. */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.loops);
    this.loops = [];
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async pollLoop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.pollOnce();
      } catch (error) {
        if (this.stopped) return;
        this.options.log.error('SQS poller failed; retrying', {
          mapping: this.options.mapping.logicalId,
          queueUrl: this.options.queueUrl,
          error,
        });
        await delay(RETRY_DELAY_MS, this.abort.signal);
      }
    }
  }

  private async pollOnce(): Promise<void> {
    const first = await this.receive(1, LONG_POLL_SECONDS);
    if (first.length === 0) return;

    this.active += 1;
    try {
      const rest = await this.gatherRest(first.length);
      await this.processBatch(latestReceipts([...first, ...rest]));
    } finally {
      this.active -= 1;
    }
  }

  /** Receives the rest of a batch, within the batching window. */
  private async gatherRest(received: number): Promise<Message[]> {
    const { batchSize, maximumBatchingWindowSeconds } = this.options.mapping;
    const deadline = Date.now() + maximumBatchingWindowSeconds * 1000;
    const messages: Message[] = [];

    do {
      const remaining = batchSize - received - messages.length;
      if (remaining <= 0) break;

      const waitSeconds = Math.ceil(Math.max(0, deadline - Date.now()) / 1000);
      messages.push(...(await this.receive(remaining, waitSeconds)));
    } while (Date.now() < deadline && !this.stopped);
    return messages;
  }

  private async receive(
    maxMessages: number,
    waitSeconds: number,
  ): Promise<Message[]> {
    const { Messages } = await this.options.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: this.options.queueUrl,
        AttributeNames: ['All'],
        MessageAttributeNames: ['All'],
        MaxNumberOfMessages: Math.min(MAX_MESSAGES_PER_RECEIVE, maxMessages),
        WaitTimeSeconds: Math.min(LONG_POLL_SECONDS, waitSeconds),
        VisibilityTimeout: this.options.visibilityTimeoutSeconds,
      }),
      { abortSignal: this.abort.signal },
    );
    return Messages ?? [];
  }

  private async processBatch(messages: Message[]): Promise<void> {
    const { mapping, log } = this.options;
    const records = messages.map((message) =>
      toSqsRecord(message, mapping.eventSourceArn),
    );
    const ids = records.map((record) => record.messageId);

    let response: unknown;
    try {
      response = await this.options.invoke(mapping.functionName, {
        Records: records,
      });
    } catch (error) {
      log.warn(
        'batch failed; its messages return after the visibility timeout',
        {
          function: mapping.functionName,
          messageIds: ids,
          error,
        },
      );
      return;
    }

    const settlement = settleBatch(
      response,
      ids,
      mapping.reportBatchItemFailures,
    );
    if (settlement.failureReason) {
      log.warn('invalid batch response; the whole batch fails', {
        function: mapping.functionName,
        reason: settlement.failureReason,
        messageIds: ids,
      });
    }
    await this.deleteMessages(messages, new Set(settlement.deleteIds));
  }

  private async deleteMessages(
    messages: Message[],
    ids: Set<string>,
  ): Promise<void> {
    const handled = messages.filter((message) =>
      ids.has(message.MessageId ?? ''),
    );
    for (let start = 0; start < handled.length; start += DELETE_BATCH_SIZE) {
      await this.deleteChunk(handled.slice(start, start + DELETE_BATCH_SIZE));
    }
  }

  private async deleteChunk(messages: Message[]): Promise<void> {
    const { Failed } = await this.options.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: this.options.queueUrl,
        Entries: messages.map((message, index) => ({
          Id: String(index),
          ReceiptHandle: message.ReceiptHandle,
        })),
      }),
    );
    for (const failure of Failed ?? []) {
      this.options.log.error(
        'deleting a handled message failed; it will be delivered again',
        {
          queueUrl: this.options.queueUrl,
          messageId: messages[Number(failure.Id)]?.MessageId,
          code: failure.Code,
          message: failure.Message,
        },
      );
    }
  }
}

/**
 * Keeps one entry per message, the one received last, whose receipt
 * handle is the valid one. local-aws-sqs can return a message twice while
 * a batch is gathered, when the batching window outlasts the visibility
 * timeout; Lambda never puts a message twice in one batch.
 */
function latestReceipts(messages: Message[]): Message[] {
  const byId = new Map<string, Message>();
  for (const message of messages) {
    byId.delete(message.MessageId ?? '');
    byId.set(message.MessageId ?? '', message);
  }
  return [...byId.values()];
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
