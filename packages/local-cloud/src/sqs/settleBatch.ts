/** The outcome of an invocation for its batch of messages. */
export interface BatchSettlement {
  /** Message ids to delete. */
  deleteIds: string[];
  /** The reason the whole batch failed, set when the response is invalid. */
  failureReason: string | undefined;
}

/**
 * Applies Lambda's rules for an SQS batch whose invocation returned.
 * Without ReportBatchItemFailures any return value deletes every message.
 * With it, following the success and failure conditions for partial batch
 * responses in the Lambda developer guide:
 * - null, undefined, an object without `batchItemFailures` (so a
 *   misspelled key such as `batchitemfailures`), `null` or an empty list
 *   is a complete success;
 * - a list of messageIds of the batch fails those and deletes the others;
 * - an empty or null itemIdentifier, a missing one (an entry with a
 *   misspelled key), an id that is not in the batch, or a response that is
 *   not an object of that shape fails the whole batch.
 */
export function settleBatch(
  response: unknown,
  messageIds: string[],
  reportBatchItemFailures: boolean,
): BatchSettlement {
  const success = { deleteIds: messageIds, failureReason: undefined };
  if (!reportBatchItemFailures || response === null || response === undefined) {
    return success;
  }

  const failures = readBatchItemFailures(response, new Set(messageIds));
  if (typeof failures === 'string') {
    return { deleteIds: [], failureReason: failures };
  }
  return {
    deleteIds: messageIds.filter((id) => !failures.has(id)),
    failureReason: undefined,
  };
}

/** Returns the failed message ids, or the reason the response is invalid. */
function readBatchItemFailures(
  response: unknown,
  messageIds: Set<string>,
): Set<string> | string {
  if (typeof response !== 'object' || Array.isArray(response)) {
    return `the response is ${describe(response)}, not an object with batchItemFailures`;
  }

  const list = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (list === undefined || list === null) return new Set();
  if (!Array.isArray(list)) {
    return `batchItemFailures is ${describe(list)}, not a list`;
  }

  const failed = new Set<string>();
  for (const item of list) {
    const reason = checkItem(item, messageIds);
    if (reason) return reason;
    failed.add((item as { itemIdentifier: string }).itemIdentifier);
  }
  return failed;
}

function checkItem(item: unknown, messageIds: Set<string>): string | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return `batchItemFailures contains ${describe(item)}, not an object with itemIdentifier`;
  }

  const identifier = (item as { itemIdentifier?: unknown }).itemIdentifier;
  if (identifier === undefined || identifier === null || identifier === '') {
    return `batchItemFailures contains ${JSON.stringify(item)}, whose itemIdentifier is empty or missing`;
  }
  if (typeof identifier !== 'string' || !messageIds.has(identifier)) {
    return `itemIdentifier ${JSON.stringify(identifier)} is not a messageId of the batch`;
  }
  return undefined;
}

/** Maximum length of a value quoted in a reason. */
const MAX_EXCERPT = 200;

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  const excerpt = String(JSON.stringify(value)).slice(0, MAX_EXCERPT);
  return `a ${typeof value} (${excerpt})`;
}
