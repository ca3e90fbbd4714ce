// Conversions from domain values to DynamoDB attribute values. DynamoDB
// has no date type and rejects empty sets, so the platform stores times as
// ISO-8601 strings, TTL attributes as epoch seconds, and leaves out a set
// attribute whose list is empty.

/** Returns an ISO-8601 UTC timestamp. Throws RangeError on an invalid date. */
export function toIsoTime(date: Date): string {
  if (Number.isNaN(date.getTime())) {
    throw new RangeError('invalid date: expected a valid Date object');
  }
  return date.toISOString();
}

/** Returns whole epoch seconds, the unit DynamoDB TTL attributes need. */
export function toEpochSeconds(date: Date): number {
  if (Number.isNaN(date.getTime())) {
    throw new RangeError('invalid date: expected a valid Date object');
  }
  return Math.floor(date.getTime() / 1000);
}

/**
 * Returns a string set for a non-empty list and undefined for an empty or
 * missing one, so the attribute is left out instead of failing the write.
 */
export function toStringSet(
  values: readonly string[] | undefined,
): Set<string> | undefined {
  if (!values || values.length === 0) return undefined;
  return new Set(values);
}

/** Returns the sorted members of a stored string set, or an empty list. */
export function fromStringSet(value: unknown): string[] {
  if (value instanceof Set) return [...value].map(String).sort();
  if (Array.isArray(value)) return value.map(String).sort();
  return [];
}
