/** The local cloud's counters at one moment, in the replay's terms. */
export interface MeterSnapshot {
  functions: Record<string, FunctionCounters>;
  /** Consumed capacity units per table, as AWS would bill them. */
  dynamodbTables: Record<string, { readUnits: number; writeUnits: number }>;
  dynamodbRequests: Record<string, number>;
  sqsRequests: Record<string, number>;
  eventBridge: { calls: number; entries: number };
  queues: Record<string, QueueDepth>;
  memory: { peakBytes: number; currentBytes: number };
}

export interface FunctionCounters {
  invocations: number;
  errors: number;
  durationMs: number;
  /** Duration times configured memory, as Lambda bills it. */
  gbSeconds: number;
}

export interface QueueDepth {
  visible: number;
  inFlight: number;
  deadLetters: number;
}

/** Counters that one phase of a run consumed: two snapshots' difference. */
export interface MeterUsage {
  invocations: Record<string, number>;
  functionErrors: Record<string, number>;
  lambdaGbSeconds: Record<string, number>;
  dynamodbTables: Record<string, { readUnits: number; writeUnits: number }>;
  dynamodbRequests: Record<string, number>;
  sqsRequests: Record<string, number>;
  eventBridge: { calls: number; entries: number };
}

export function emptySnapshot(): MeterSnapshot {
  return {
    functions: {},
    dynamodbTables: {},
    dynamodbRequests: {},
    sqsRequests: {},
    eventBridge: { calls: 0, entries: 0 },
    queues: {},
    memory: { peakBytes: 0, currentBytes: 0 },
  };
}

/** Returns the counters consumed between two snapshots. */
export function usageBetween(
  before: MeterSnapshot,
  after: MeterSnapshot,
): MeterUsage {
  const tables: MeterUsage['dynamodbTables'] = {};
  for (const [name, units] of Object.entries(after.dynamodbTables)) {
    const earlier = before.dynamodbTables[name];
    tables[name] = {
      readUnits: units.readUnits - (earlier?.readUnits ?? 0),
      writeUnits: units.writeUnits - (earlier?.writeUnits ?? 0),
    };
  }

  return {
    invocations: subtract(
      mapValues(after.functions, (counters) => counters.invocations),
      mapValues(before.functions, (counters) => counters.invocations),
    ),
    functionErrors: subtract(
      mapValues(after.functions, (counters) => counters.errors),
      mapValues(before.functions, (counters) => counters.errors),
    ),
    lambdaGbSeconds: subtract(
      mapValues(after.functions, (counters) => counters.gbSeconds),
      mapValues(before.functions, (counters) => counters.gbSeconds),
    ),
    dynamodbTables: tables,
    dynamodbRequests: subtract(after.dynamodbRequests, before.dynamodbRequests),
    sqsRequests: subtract(after.sqsRequests, before.sqsRequests),
    eventBridge: {
      calls: after.eventBridge.calls - before.eventBridge.calls,
      entries: after.eventBridge.entries - before.eventBridge.entries,
    },
  };
}

/** Adds up the values of a record. */
export function total(values: Record<string, number>): number {
  return Object.values(values).reduce((sum, value) => sum + value, 0);
}

/** Totals read and write units over every table. */
export function capacityTotals(usage: MeterUsage): {
  readUnits: number;
  writeUnits: number;
} {
  const tables = Object.values(usage.dynamodbTables);
  return {
    readUnits: tables.reduce((sum, table) => sum + table.readUnits, 0),
    writeUnits: tables.reduce((sum, table) => sum + table.writeUnits, 0),
  };
}

function subtract(
  after: Record<string, number>,
  before: Record<string, number>,
): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [key, value] of Object.entries(after)) {
    result[key] = value - (before[key] ?? 0);
  }
  return result;
}

function mapValues<T>(
  record: Record<string, T>,
  pick: (value: T) => number,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, pick(value)]),
  );
}
