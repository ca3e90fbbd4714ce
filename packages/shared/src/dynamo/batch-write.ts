import type { Logger } from '@aws-lambda-powertools/logger';
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { describeError } from '../errors';
import { backoffDelay, sleep } from '../retry';

/** BatchWriteItem accepts at most 25 put or delete requests per call. */
export const MAX_BATCH_WRITE_ITEMS = 25;

type Item = Record<string, unknown>;

/** One put or delete, with the id of whatever owns it (a message id). */
export interface TableWrite {
  tableName: string;
  put?: Item;
  deleteKey?: Item;
  owner?: string;
}

/** A write that was still unprocessed, or whose call failed, at the end. */
export interface FailedWrite extends TableWrite {
  reason: string;
}

export interface BatchWriteOptions {
  logger?: Logger;
  /** Calls per chunk, the first included, before items count as failed. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Chunks written at the same time. */
  concurrency?: number;
  /** false writes each item with its own PutItem or DeleteItem. */
  batching?: boolean;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface BatchWriteResult {
  written: number;
  failed: FailedWrite[];
}

/**
 * Reads the runtime switch `BATCH_WRITES`: "off" turns BatchWriteItem off
 * and writes items one by one. Anything else, or no value, keeps it on.
 */
export function batchWritesEnabled(env = process.env): boolean {
  return env.BATCH_WRITES?.toLowerCase() !== 'off';
}

/**
 * Writes every item with BatchWriteItem in chunks of 25, retrying the
 * UnprocessedItems of each chunk with exponential backoff and full jitter.
 * Items still unprocessed after maxAttempts calls, and items of a chunk
 * whose call threw, are returned in `failed` with their owners. This
 * function does not throw for them, so callers can fail exactly those
 * owners.
 * Keys must be unique within one call, as BatchWriteItem requires.
 */
export async function batchWriteAll(
  client: DynamoDBDocumentClient,
  writes: readonly TableWrite[],
  options: BatchWriteOptions = {},
): Promise<BatchWriteResult> {
  const batching = options.batching ?? batchWritesEnabled();
  if (!batching) return writeOneByOne(client, writes, options);

  const chunks: TableWrite[][] = [];
  for (let i = 0; i < writes.length; i += MAX_BATCH_WRITE_ITEMS) {
    chunks.push(writes.slice(i, i + MAX_BATCH_WRITE_ITEMS));
  }

  const failed: FailedWrite[] = [];
  const concurrency = Math.max(1, options.concurrency ?? 4);
  for (let i = 0; i < chunks.length; i += concurrency) {
    const group = chunks.slice(i, i + concurrency);
    const results = await Promise.all(
      group.map((chunk) => writeChunk(client, chunk, options)),
    );
    failed.push(...results.flat());
  }

  return { written: writes.length - failed.length, failed };
}

async function writeChunk(
  client: DynamoDBDocumentClient,
  chunk: TableWrite[],
  options: BatchWriteOptions,
): Promise<FailedWrite[]> {
  const maxAttempts = options.maxAttempts ?? 5;
  const wait = options.sleep ?? sleep;
  let pending = chunk;

  for (let attempt = 1; ; attempt += 1) {
    try {
      pending = await callBatchWrite(client, pending);
    } catch (error) {
      options.logger?.error('BatchWriteItem call failed', {
        error: describeError(error),
        items: pending.length,
      });
      return pending.map((write) => ({
        ...write,
        reason: describeError(error),
      }));
    }

    if (pending.length === 0) return [];
    if (attempt >= maxAttempts) break;

    const delay = backoffDelay(attempt, {
      baseMs: options.baseDelayMs ?? 50,
      maxMs: options.maxDelayMs ?? 2_000,
      ...(options.random ? { random: options.random } : {}),
    });
    options.logger?.warn('retrying unprocessed items', {
      unprocessed: pending.length,
      attempt,
      delayMs: delay,
    });
    await wait(delay);
  }

  const reason = `still unprocessed after ${maxAttempts} BatchWriteItem calls`;
  options.logger?.error('giving up on unprocessed items', {
    unprocessed: pending.length,
    owners: [...new Set(pending.map((write) => write.owner))],
  });
  return pending.map((write) => ({ ...write, reason }));
}

/** Sends one BatchWriteItem call and returns the writes left unprocessed. */
async function callBatchWrite(
  client: DynamoDBDocumentClient,
  writes: TableWrite[],
): Promise<TableWrite[]> {
  const requestItems: Record<string, Item[]> = {};
  const byFingerprint = new Map<string, TableWrite>();

  for (const write of writes) {
    const request = toWriteRequest(write);
    requestItems[write.tableName] ??= [];
    requestItems[write.tableName]?.push(request);
    byFingerprint.set(fingerprint(write.tableName, request), write);
  }

  const output = await client.send(
    new BatchWriteCommand({ RequestItems: requestItems }),
  );

  const unprocessed: TableWrite[] = [];
  for (const [tableName, requests] of Object.entries(
    output.UnprocessedItems ?? {},
  )) {
    for (const request of requests ?? []) {
      const write = byFingerprint.get(fingerprint(tableName, request));
      // DynamoDB returns unprocessed requests exactly as they were sent.
      if (write) unprocessed.push(write);
    }
  }
  return unprocessed;
}

async function writeOneByOne(
  client: DynamoDBDocumentClient,
  writes: readonly TableWrite[],
  options: BatchWriteOptions,
): Promise<BatchWriteResult> {
  const failed: FailedWrite[] = [];
  for (const write of writes) {
    try {
      await writeSingle(client, write);
    } catch (error) {
      options.logger?.error('single write failed', {
        error: describeError(error),
        tableName: write.tableName,
        owner: write.owner,
      });
      failed.push({ ...write, reason: describeError(error) });
    }
  }
  return { written: writes.length - failed.length, failed };
}

async function writeSingle(
  client: DynamoDBDocumentClient,
  write: TableWrite,
): Promise<void> {
  if (write.put) {
    await client.send(
      new PutCommand({ TableName: write.tableName, Item: write.put }),
    );
    return;
  }
  await client.send(
    new DeleteCommand({ TableName: write.tableName, Key: write.deleteKey }),
  );
}

function toWriteRequest(write: TableWrite): Item {
  if (write.put && write.deleteKey) {
    throw new TypeError('a write has both put and deleteKey: pass only one');
  }
  if (write.put) return { PutRequest: { Item: write.put } };
  if (write.deleteKey) return { DeleteRequest: { Key: write.deleteKey } };
  throw new TypeError('a write has neither put nor deleteKey: pass one');
}

/** Identifies a request by its content, sets and binary values included. */
function fingerprint(tableName: string, request: unknown): string {
  return `${tableName}\u0000${JSON.stringify(request, replacer)}`;
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Set) return { $set: [...value].sort() };
  if (value instanceof Uint8Array) return { $bytes: [...value] };
  return value;
}
