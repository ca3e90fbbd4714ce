import { randomUUID } from 'node:crypto';
import { ACCOUNT_ID, REGION } from '../awsConstants';
import { eventBusNameFromReference } from '../template/arn';

/** A PutEvents request entry, as the AWS JSON 1.1 protocol sends it. */
export interface PutEventsRequestEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  /** Epoch seconds from the AWS SDKs; ISO 8601 strings are accepted too. */
  Time?: number | string;
}

/** The event EventBridge delivers to targets. */
export interface EventBridgeEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

/** An entry-level failure, reported in the response as AWS does. */
export interface EntryError {
  ErrorCode: string;
  ErrorMessage: string;
}

export type ReadEntryResult =
  | { event: EventBridgeEvent; eventBusName: string }
  | { error: EntryError };

/**
 * Checks one PutEvents entry and builds the event EventBridge would
 * deliver, or the ErrorCode and ErrorMessage AWS returns for the entry.
 */
export function readPutEventsEntry(
  entry: PutEventsRequestEntry,
): ReadEntryResult {
  for (const field of ['Source', 'DetailType', 'Detail'] as const) {
    if (!entry[field]) return { error: requiredArgument(field) };
  }

  const detail = parseDetail(entry.Detail ?? '');
  if (!detail) {
    return {
      error: {
        ErrorCode: 'MalformedDetail',
        ErrorMessage: 'Detail is malformed.',
      },
    };
  }

  const event: EventBridgeEvent = {
    version: '0',
    id: randomUUID(),
    'detail-type': entry.DetailType ?? '',
    source: entry.Source ?? '',
    account: ACCOUNT_ID,
    time: formatTime(entry.Time),
    region: REGION,
    resources: entry.Resources ?? [],
    detail,
  };
  return {
    event,
    eventBusName: eventBusNameFromReference(entry.EventBusName || 'default'),
  };
}

/**
 * Returns an entry's size as EventBridge counts it against the 256 KB
 * limit: 14 bytes for Time when set, plus the UTF-8 bytes of Source,
 * DetailType, Detail and each Resources entry. Source: "Calculating
 * Amazon EventBridge PutEvents event entry size" in the EventBridge user
 * guide.
 */
export function entrySize(entry: PutEventsRequestEntry): number {
  const texts = [
    entry.Source,
    entry.DetailType,
    entry.Detail,
    ...(entry.Resources ?? []),
  ];
  const bytes = texts.reduce(
    (sum, text) => sum + Buffer.byteLength(text ?? '', 'utf8'),
    0,
  );
  return bytes + (entry.Time === undefined ? 0 : 14);
}

function requiredArgument(field: string): EntryError {
  return {
    ErrorCode: 'InvalidArgument',
    ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.`,
  };
}

function parseDetail(detail: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(detail);
    const isObject =
      value !== null && typeof value === 'object' && !Array.isArray(value);
    return isObject ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Formats a time as EventBridge does: ISO 8601 in UTC, whole seconds. */
function formatTime(time: number | string | undefined): string {
  const date =
    time === undefined
      ? new Date()
      : typeof time === 'number'
        ? new Date(time * 1000)
        : new Date(time);
  const valid = Number.isNaN(date.getTime()) ? new Date() : date;
  return valid.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
