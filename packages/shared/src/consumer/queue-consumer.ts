import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  Context,
  SQSBatchResponse,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';
import {
  type BatchWriteOptions,
  batchWriteAll,
  type TableWrite,
} from '../dynamo/batch-write';
import { describeError, PlatformError } from '../errors';
import type { EventPayload, EventType } from '../events/contracts';
import type { EventEnvelope } from '../events/envelope';
import { CONSUMER_METRICS, MetricUnit } from '../observability/metrics';
import { parsePayload, parseRecord } from './parse-record';

/** What a record handler gets besides the payload. */
export interface RecordContext {
  messageId: string;
  /** ApproximateReceiveCount: 1 on the first delivery. */
  receiveCount: number;
  lambdaContext: Context;
  logger: Logger;
  /**
   * Queues a write for the BatchWriteItem call made after every record of
   * the batch has run. If that write fails, this record is reported failed.
   */
  deferWrite(write: Omit<TableWrite, 'owner'>): void;
}

export type EventHandler<TType extends EventType> = (
  payload: EventPayload<TType>,
  envelope: EventEnvelope<TType, EventPayload<TType>>,
  context: RecordContext,
) => Promise<void>;

/** The handler of each event type the consumer accepts. */
export type EventRoutes = { [TType in EventType]?: EventHandler<TType> };

export interface QueueConsumerOptions {
  routes: EventRoutes;
  logger: Logger;
  metrics: Metrics;
  /** Needed only when handlers call deferWrite. */
  documentClient?: DynamoDBDocumentClient;
  batchWriteOptions?: BatchWriteOptions;
}

/** An event type that this consumer has no handler for. */
export class UnroutableEventError extends PlatformError {
  constructor(eventType: string, messageId: string) {
    super(
      'UNROUTABLE_EVENT',
      `no handler for event type ${eventType}: add a route or narrow the queue's rule`,
      { details: { eventType, messageId } },
    );
  }
}

/**
 * Creates an SQS consumer that routes each record by its event type and
 * returns the failed records as `{ batchItemFailures }`, the partial batch
 * response that Lambda reads when ReportBatchItemFailures is on. Records
 * run concurrently; every one is settled before the handler returns.
 */
export function createQueueConsumer(options: QueueConsumerOptions) {
  return async function consume(
    event: SQSEvent,
    context: Context,
  ): Promise<SQSBatchResponse> {
    options.logger.addContext(context);
    const deferred: TableWrite[] = [];

    const outcomes = await Promise.all(
      event.Records.map((record) =>
        processRecord(record, context, options, deferred),
      ),
    );
    const failed = new Set(
      event.Records.filter((_, index) => !outcomes[index]).map(
        (record) => record.messageId,
      ),
    );

    for (const owner of await flushDeferred(deferred, failed, options)) {
      failed.add(owner);
    }

    emitRecordMetrics(
      options.metrics,
      context,
      event.Records.length,
      failed.size,
    );
    return {
      batchItemFailures: [...failed].map((messageId) => ({
        itemIdentifier: messageId,
      })),
    };
  };
}

/** Runs one record; returns false when it failed. Never throws. */
async function processRecord(
  record: SQSRecord,
  lambdaContext: Context,
  options: QueueConsumerOptions,
  deferred: TableWrite[],
): Promise<boolean> {
  const pending: TableWrite[] = [];
  try {
    const envelope = parseRecord(record);
    const type = envelope.type as EventType;
    const handler = options.routes[type] as EventHandler<EventType> | undefined;
    if (!handler)
      throw new UnroutableEventError(envelope.type, record.messageId);

    const payload = parsePayload(envelope, type, record.messageId);
    await handler(payload, envelope as never, {
      messageId: record.messageId,
      receiveCount: Number(record.attributes.ApproximateReceiveCount ?? 1),
      lambdaContext,
      logger: options.logger,
      deferWrite: (write) =>
        pending.push({ ...write, owner: record.messageId }),
    });

    deferred.push(...pending);
    return true;
  } catch (error) {
    options.logger.error('record failed', {
      messageId: record.messageId,
      receiveCount: record.attributes.ApproximateReceiveCount,
      reason: describeError(error),
      ...(error instanceof PlatformError ? error.details : {}),
    });
    return false;
  }
}

/** Writes the deferred items and returns the owners of failed writes. */
async function flushDeferred(
  deferred: TableWrite[],
  failed: Set<string>,
  options: QueueConsumerOptions,
): Promise<string[]> {
  const writes = deferred.filter((write) => !failed.has(write.owner ?? ''));
  if (writes.length === 0) return [];
  if (!options.documentClient) {
    throw new TypeError(
      'a record handler deferred a write but the consumer has no documentClient: pass one to createQueueConsumer',
    );
  }

  const result = await batchWriteAll(options.documentClient, writes, {
    logger: options.logger,
    ...options.batchWriteOptions,
  });
  return [...new Set(result.failed.map((write) => write.owner ?? ''))];
}

/**
 * Emits processed and failed record counts with the function version as a
 * dimension. A failed record never raises Lambda's Errors metric, so
 * releases and alarms watch RecordsFailed instead.
 */
function emitRecordMetrics(
  metrics: Metrics,
  context: Context,
  processed: number,
  failed: number,
): void {
  metrics.addDimension('functionVersion', context.functionVersion || '$LATEST');
  metrics.addMetric(
    CONSUMER_METRICS.recordsProcessed,
    MetricUnit.Count,
    processed,
  );
  metrics.addMetric(CONSUMER_METRICS.recordsFailed, MetricUnit.Count, failed);
  metrics.publishStoredMetrics();
}
