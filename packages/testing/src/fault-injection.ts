import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * A put or delete request as the caller sent it: plain items under a
 * DocumentClient, AttributeValues such as `{ S: 'x' }` under a
 * DynamoDBClient.
 */
export interface WriteRequest {
  PutRequest?: { Item?: Record<string, unknown> };
  DeleteRequest?: { Key?: Record<string, unknown> };
}

/**
 * Returns a key attribute of a request as a string, in either form, so
 * plans can pick requests by key.
 */
export function requestAttribute(
  entry: { request: WriteRequest },
  attribute: string,
): string | undefined {
  const item =
    entry.request.PutRequest?.Item ?? entry.request.DeleteRequest?.Key;
  const value = item?.[attribute];
  if (typeof value === 'string' || typeof value === 'number') {
    return String(value);
  }
  if (typeof value === 'object' && value !== null) {
    const typed = value as { S?: string; N?: string };
    return typed.S ?? typed.N;
  }
  return undefined;
}

/**
 * Decides, for BatchWriteItem call number `call` (1-based), which of its
 * requests come back in UnprocessedItems. Return an empty list to let the
 * whole call through.
 */
export type UnprocessedPlan = (
  call: number,
  requests: Array<{ tableName: string; request: WriteRequest }>,
) => Array<{ tableName: string; request: WriteRequest }>;

/** Record of the BatchWriteItem calls a fault saw, for assertions. */
export interface BatchWriteCalls {
  /** Requests of each BatchWriteItem call, in call order. */
  calls: Array<Array<{ tableName: string; request: WriteRequest }>>;
  /** Removes the middleware. */
  remove(): void;
}

const MIDDLEWARE_NAME = 'injectUnprocessedItems';

/**
 * Makes BatchWriteItem on this client return the requests chosen by `plan`
 * in UnprocessedItems without writing them, as DynamoDB does when a
 * partition is throttled. The stand-ins never do this on their own. It
 * works under a DocumentClient built on this client too; requests and
 * UnprocessedItems then are plain items (see requestAttribute).
 */
export function injectUnprocessedItems(
  client: DynamoDBClient,
  plan: UnprocessedPlan,
): BatchWriteCalls {
  const calls: BatchWriteCalls['calls'] = [];

  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchWriteItemCommand') return next(args);

      const input = args.input as {
        RequestItems?: Record<string, WriteRequest[]>;
      };
      const requests = Object.entries(input.RequestItems ?? {}).flatMap(
        ([tableName, list]) => list.map((request) => ({ tableName, request })),
      );
      calls.push(requests);

      const held = new Set(plan(calls.length, requests));
      const sent = requests.filter((entry) => !held.has(entry));
      const unprocessed = group(requests.filter((entry) => held.has(entry)));
      if (sent.length === 0) {
        const output = { UnprocessedItems: unprocessed, $metadata: {} };
        return { output, response: {} } as Awaited<ReturnType<typeof next>>;
      }

      const result = await next({
        ...args,
        input: { ...input, RequestItems: group(sent) },
      });
      const output = result.output as {
        UnprocessedItems?: Record<string, WriteRequest[]>;
      };
      const merged = {
        ...output,
        UnprocessedItems: merge(output.UnprocessedItems, unprocessed),
      };
      return { ...result, output: merged } as typeof result;
    },
    { step: 'serialize', priority: 'high', name: MIDDLEWARE_NAME },
  );

  return {
    calls,
    remove: () => client.middlewareStack.remove(MIDDLEWARE_NAME),
  };
}

function group(
  entries: Array<{ tableName: string; request: WriteRequest }>,
): Record<string, WriteRequest[]> {
  const grouped: Record<string, WriteRequest[]> = {};
  for (const { tableName, request } of entries) {
    grouped[tableName] ??= [];
    grouped[tableName].push(request);
  }
  return grouped;
}

function merge(
  first: Record<string, WriteRequest[]> | undefined,
  second: Record<string, WriteRequest[]>,
): Record<string, WriteRequest[]> {
  const merged: Record<string, WriteRequest[]> = { ...(first ?? {}) };
  for (const [tableName, list] of Object.entries(second)) {
    merged[tableName] = [...(merged[tableName] ?? []), ...list];
  }
  return merged;
}
