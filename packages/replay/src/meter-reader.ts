import type { MeterSnapshot, QueueDepth } from './meter';
import { isRecord } from './platform-api';

/**
 * Converts the local cloud's stats (the LocalCloudStats of
 * @retail/local-cloud, or the JSON of `GET /_local/stats`) into a
 * MeterSnapshot. Missing counters read as 0, so a partial report still
 * yields a snapshot.
 */
export function readMeterSnapshot(stats: unknown): MeterSnapshot {
  const root = recordAt(stats);
  const dynamodb = recordAt(root.dynamodb);
  const sqs = recordAt(root.sqs);
  const eventBridge = recordAt(root.eventBridge);
  const memory = recordAt(root.memory);

  return {
    functions: mapRecord(root.functions, (fn) => ({
      invocations: numberAt(fn.invocations),
      errors: numberAt(fn.errors),
      durationMs: numberAt(fn.totalDurationMs),
      gbSeconds: numberAt(fn.gbSeconds),
    })),
    dynamodbTables: mapRecord(dynamodb.tables, (table) => ({
      readUnits: numberAt(table.readCapacityUnits),
      writeUnits: numberAt(table.writeCapacityUnits),
    })),
    dynamodbRequests: numbersAt(dynamodb.requests),
    sqsRequests: numbersAt(sqs.requests),
    eventBridge: {
      calls: numberAt(eventBridge.putEventsCalls),
      entries: numberAt(eventBridge.entries),
    },
    queues: mapRecord(sqs.queues, readQueueDepth),
    memory: {
      peakBytes: numberAt(memory.peakRssBytes),
      currentBytes: numberAt(memory.currentRssBytes),
    },
  };
}

function readQueueDepth(queue: Record<string, unknown>): QueueDepth {
  return {
    visible: numberAt(queue.visible),
    inFlight: numberAt(queue.inFlight),
    deadLetters: numberAt(queue.deadLetterMessages),
  };
}

function recordAt(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function numberAt(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function numbersAt(value: unknown): Record<string, number> {
  return mapRecord(value, (_, raw) => numberAt(raw));
}

function mapRecord<T>(
  value: unknown,
  read: (entry: Record<string, unknown>, raw: unknown) => T,
): Record<string, T> {
  return Object.fromEntries(
    Object.entries(recordAt(value)).map(([key, entry]) => [
      key,
      read(recordAt(entry), entry),
    ]),
  );
}
