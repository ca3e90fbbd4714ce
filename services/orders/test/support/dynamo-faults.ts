import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

// These middlewares run early in the serialize step, before the
// DocumentClient marshals its input, so a key value may be a plain string
// or an attribute value such as { S: "..." }.

type Key = Record<string, unknown>;

/**
 * Makes UpdateItem on the given key value fail with `error` one event-loop
 * tick after it was sent, the way a throttled or conditional update
 * rejects while other records' calls are still in flight. Returns a
 * function that removes the fault.
 */
export function rejectUpdatesOf(
  client: DynamoDBClient,
  keyName: string,
  keyValue: string,
  error: () => Error,
): () => void {
  const name = 'rejectUpdatesOf';
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: Key };
      const isTarget =
        context.commandName === 'UpdateItemCommand' &&
        keyText(input.Key?.[keyName]) === keyValue;
      if (!isTarget) return next(args);

      await new Promise((resolve) => setImmediate(resolve));
      throw error();
    },
    { step: 'serialize', priority: 'high', name },
  );
  return () => client.middlewareStack.remove(name);
}

/**
 * Makes BatchGetItem leave the SKUs chosen by `plan` for call number
 * `call` (1-based) in UnprocessedKeys without reading them, as DynamoDB
 * does under throttling. Records the SKUs of every call.
 */
export function injectUnprocessedKeys(
  client: DynamoDBClient,
  plan: (call: number, skus: string[]) => string[],
) {
  const calls: string[][] = [];
  const name = 'injectUnprocessedKeys';

  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchGetItemCommand') return next(args);

      const input = args.input as {
        RequestItems: Record<string, { Keys: Key[] }>;
      };
      const [tableName, request] = Object.entries(input.RequestItems)[0] ?? [];
      if (!tableName || !request) return next(args);

      const skus = request.Keys.map((key) => keyText(key.sku));
      calls.push(skus);
      const held = new Set(plan(calls.length, skus));
      const isHeld = (key: Key) => held.has(keyText(key.sku));
      const sent = request.Keys.filter((key) => !isHeld(key));
      const unprocessed = request.Keys.filter(isHeld);

      const result =
        sent.length > 0
          ? await next({
              ...args,
              input: { RequestItems: { [tableName]: { Keys: sent } } },
            })
          : emptyResponse(tableName);
      const output = result.output as object;
      return {
        ...result,
        output: {
          ...output,
          UnprocessedKeys:
            unprocessed.length > 0
              ? { [tableName]: { Keys: unprocessed } }
              : {},
        },
      } as Awaited<ReturnType<typeof next>>;
    },
    { step: 'serialize', priority: 'high', name },
  );

  return { calls, remove: () => client.middlewareStack.remove(name) };
}

function emptyResponse(tableName: string) {
  return {
    output: { Responses: { [tableName]: [] }, $metadata: {} },
    response: {},
  };
}

function keyText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'S' in value) {
    return String(value.S);
  }
  return '';
}
