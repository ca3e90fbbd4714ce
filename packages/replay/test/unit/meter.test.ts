import { usageBetween } from '../../src/meter';
import { readMeterSnapshot } from '../../src/meter-reader';

const STATS = {
  functions: {
    'retail-orders-local-http': {
      invocations: 10,
      errors: 1,
      timeouts: 0,
      totalDurationMs: 120,
      gbSeconds: 0.0625,
    },
  },
  dynamodb: {
    tables: {
      'retail-orders-local-orders': {
        readCapacityUnits: 2.5,
        writeCapacityUnits: 12,
      },
    },
    requests: { PutItem: 12, GetItem: 5 },
  },
  sqs: {
    requests: { ReceiveMessage: 40, DeleteMessageBatch: 3 },
    queues: {
      'retail-orders-local-queue': {
        visible: 0,
        inFlight: 1,
        delayed: 0,
        deadLetterQueue: 'retail-orders-local-dlq',
        deadLetterMessages: 2,
      },
      'retail-orders-local-dlq': {
        visible: 2,
        inFlight: 0,
        delayed: 0,
        deadLetterQueue: undefined,
        deadLetterMessages: undefined,
      },
    },
  },
  eventBridge: {
    putEventsCalls: 4,
    entries: 9,
    failedEntries: 0,
    unmatchedEntries: 0,
    billedEvents: 9,
  },
  memory: { currentRssBytes: 100, peakRssBytes: 200, processes: [] },
};

describe('readMeterSnapshot', () => {
  it('reads the local cloud stats', () => {
    const snapshot = readMeterSnapshot(STATS);

    expect(snapshot.functions).toEqual({
      'retail-orders-local-http': {
        invocations: 10,
        errors: 1,
        durationMs: 120,
        gbSeconds: 0.0625,
      },
    });
    expect(snapshot.dynamodbTables).toEqual({
      'retail-orders-local-orders': { readUnits: 2.5, writeUnits: 12 },
    });
    expect(snapshot.sqsRequests.ReceiveMessage).toBe(40);
    expect(snapshot.eventBridge).toEqual({ calls: 4, entries: 9 });
    expect(snapshot.memory).toEqual({ peakBytes: 200, currentBytes: 100 });
  });

  it('counts dead letters on the source queue only', () => {
    const { queues } = readMeterSnapshot(STATS);

    expect(queues['retail-orders-local-queue']?.deadLetters).toBe(2);
    expect(queues['retail-orders-local-dlq']?.deadLetters).toBe(0);
  });

  it('reads missing counters as zero', () => {
    const snapshot = readMeterSnapshot({ functions: { f: {} } });

    expect(snapshot.functions.f?.invocations).toBe(0);
    expect(snapshot.eventBridge.entries).toBe(0);
  });
});

describe('usageBetween', () => {
  it('subtracts the earlier snapshot', () => {
    const before = readMeterSnapshot(STATS);
    const after = readMeterSnapshot({
      ...STATS,
      functions: {
        'retail-orders-local-http': { invocations: 25, errors: 1 },
        'retail-orders-local-consumer': { invocations: 3, errors: 0 },
      },
    });

    const usage = usageBetween(before, after);

    expect(usage.invocations).toEqual({
      'retail-orders-local-http': 15,
      'retail-orders-local-consumer': 3,
    });
    expect(usage.functionErrors['retail-orders-local-http']).toBe(0);
  });
});
