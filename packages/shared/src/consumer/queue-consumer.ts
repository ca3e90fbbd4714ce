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
import { EVENT_SOURCES, type EventEnvelope } from '../events/envelope';
import {
  CONSUMER_METRICS,
  MetricUnit,
  versionDimensions,
} from '../observability/metrics';
import { parsePayload, parseRecord } from './parse-record';

/** Context a record handler receives besides the payload. */
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
  /**
   * Returns the key of the entity an event changes, such as its order id.
   * Records with the same key run one after another in batch order, so a
   * cancellation never races its own order's placement. Records with
   * different keys run concurrently.
   */
  groupKey?: (envelope: EventEnvelope) => string | undefined;
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

    const failed = new Set<string>();
    const groups = groupRecords(event.Records, options.groupKey);

    await Promise.all(
      groups.map(async (records) => {
        for (const record of records) {
          const succeeded = await processRecord(
            record,
            context,
            options,
            deferred,
          );
          if (!succeeded) failed.add(record.messageId);
        }
      }),
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

/**
 * Splits records into groups that share a groupKey, keeping batch order
 * inside each group. A record without a key, or whose body cannot be
 * parsed, forms a group of its own.
 */
function groupRecords(
  records: SQSRecord[],
  groupKey: QueueConsumerOptions['groupKey'],
): SQSRecord[][] {
  if (!groupKey) return records.map((record) => [record]);

  const groups = new Map<string, SQSRecord[]>();
  for (const record of records) {
    const key = keyOf(record, groupKey) ?? `message:${record.messageId}`;
    const group = groups.get(key) ?? [];
    group.push(record);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function keyOf(
  record: SQSRecord,
  groupKey: NonNullable<QueueConsumerOptions['groupKey']>,
): string | undefined {
  try {
    const key = groupKey(parseRecord(record));
    return key === undefined ? undefined : `key:${key}`;
  } catch {
    // processRecord reports the parse error for this record.
    return undefined;
  }
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
    if (envelope.source === EVENT_SOURCES.releaseCheck) {
      // A pre-traffic hook's synthetic event: routed and validated above,
      // which is what it checks, and never applied.
      options.logger.info('release check record accepted', {
        messageId: record.messageId,
        eventType: type,
      });
      return true;
    }
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
 * Emits processed and failed record counts of the batch, with the version
 * dimensions only. A record reported in batchItemFailures does not raise
 * Lambda's Errors metric, so the canary alarm of a consumer release reads
 * RecordsFailed of the new version instead (see docs/releases.md).
 */
function emitRecordMetrics(
  metrics: Metrics,
  context: Context,
  processed: number,
  failed: number,
): void {
  const batch = metrics.singleMetric();
  // singleMetric writes one document per metric and then drops its
  // dimensions, so each metric gets them again.
  for (const [name, value] of [
    [CONSUMER_METRICS.recordsProcessed, processed],
    [CONSUMER_METRICS.recordsFailed, failed],
  ] as const) {
    batch.clearDefaultDimensions();
    batch.addDimensions(versionDimensions(context));
    batch.addMetric(name, MetricUnit.Count, value);
  }
}

/**
 * Returns a groupKey that reads the first of `fields` present in the
 * payload, for example `groupByPayload('orderId', 'sku')`.
 */
export function groupByPayload(
  ...fields: string[]
): (envelope: EventEnvelope) => string | undefined {
  return (envelope) => {
    const payload = envelope.payload as Record<string, unknown>;
    for (const field of fields) {
      const value = payload?.[field];
      if (typeof value === 'string') return value;
    }
    return undefined;
  };
}
