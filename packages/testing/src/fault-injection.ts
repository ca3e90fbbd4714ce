import type { DynamoDBClient, WriteRequest } from '@aws-sdk/client-dynamodb';

/**
 * Decides, for BatchWriteItem call number `call` (1-based), which of its
 * requests come back in UnprocessedItems. Return an empty list to let the
 * whole call through.
 */
export type UnprocessedPlan = (
  call: number,
  requests: Array<{ tableName: string; request: WriteRequest }>,
) => Array<{ tableName: string; request: WriteRequest }>;

/** What an injected fault recorded, for assertions. */
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
 * partition is throttled. The stand-ins never do this on their own. The
 * middleware runs before serialisation, so it sees marshalled requests and
 * works under a DocumentClient built on this client too.
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
