import {
  EventBridgeClient,
  PutEventsCommand,
} from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { createEnvelope } from '../../src/events/envelope';
import { createEventPublisher, PublishError } from '../../src/events/publisher';
import { createLogger } from '../../src/observability/logger';

// EventBridge has no stand-in in unit tests, and failed entries are a
// fault no stand-in produces, so the client is mocked here.
const eventBridge = mockClient(EventBridgeClient);

afterEach(() => {
  eventBridge.reset();
});

function events(count: number) {
  return Array.from({ length: count }, (_, index) =>
    createEnvelope('retail.orders', 'OrderPlaced', { n: index }),
  );
}

function publisher() {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  return createEventPublisher({
    client: new EventBridgeClient({ region: 'us-east-1' }),
    busName: 'default',
    logger: createLogger('test'),
    baseDelayMs: 1,
  });
}

describe('createEventPublisher', () => {
  test('sends at most 10 entries per call', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0 });

    await publisher().publish(events(23));

    const sizes = eventBridge
      .commandCalls(PutEventsCommand)
      .map((call) => call.args[0].input.Entries?.length);
    expect(sizes).toEqual([10, 10, 3]);
  });

  test('puts the envelope in Detail', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0 });
    const [event] = events(1);

    await publisher().publish(event ? [event] : []);

    const entry =
      eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries?.[0];
    expect(entry?.Source).toBe('retail.orders');
    expect(entry?.DetailType).toBe('OrderPlaced');
    expect(JSON.parse(entry?.Detail ?? '{}')).toEqual(event);
  });

  test('retries only the failed entries', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [
          { EventId: 'a' },
          { ErrorCode: 'ThrottlingException' },
          { EventId: 'c' },
        ],
      })
      .resolves({ FailedEntryCount: 0 });
    const batch = events(3);

    await publisher().publish(batch);

    const retried =
      eventBridge.commandCalls(PutEventsCommand)[1]?.args[0].input.Entries;
    expect(retried).toHaveLength(1);
    expect(JSON.parse(retried?.[0]?.Detail ?? '{}').id).toBe(batch[1]?.id);
  });

  test('throws naming events that always fail', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure' }],
    });
    const batch = events(1);

    const publishing = publisher().publish(batch);

    await expect(publishing).rejects.toBeInstanceOf(PublishError);
    await expect(publishing).rejects.toMatchObject({
      details: { failedEventIds: [batch[0]?.id] },
    });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(4);
  });
});
