import {
  createEnvelope,
  EVENT_SOURCES,
  type EventEnvelope,
  type EventPayload,
  type EventType,
} from '@retail/shared';
import type { StockRejection } from '../data/reservation';
import type { LevelChange } from '../data/stock-holds';

// Envelope ids are deterministic, so a re-publish after a retry carries
// the id of the first publish and consumers can drop the duplicate. Level
// events add what caused the change, because a SKU runs out many times.

type StockEvent<TType extends EventType> = EventEnvelope<
  TType,
  EventPayload<TType>
>;

export function stockReservedEvent(
  orderId: string,
  time: Date,
): StockEvent<'StockReserved'> {
  return envelope('StockReserved', { orderId }, orderId, time);
}

export function stockRejectedEvent(
  orderId: string,
  rejection: StockRejection,
  time: Date,
): StockEvent<'StockRejected'> {
  return envelope('StockRejected', { orderId, ...rejection }, orderId, time);
}

/** `cause` is the order whose hold, or the write whose level, emptied it. */
export function stockDepletedEvent(
  sku: string,
  cause: string,
  time: Date,
): StockEvent<'StockDepleted'> {
  const payload = { sku, available: 0 };
  return envelope('StockDepleted', payload, `${sku}:${cause}`, time);
}

/** `cause` is the order or the write that raised the level from 0. */
export function stockReplenishedEvent(
  sku: string,
  available: number,
  cause: string,
  time: Date,
): StockEvent<'StockReplenished'> {
  const payload = { sku, available };
  return envelope('StockReplenished', payload, `${sku}:${cause}`, time);
}

/** Returns a StockReplenished event for each change that left 0. */
export function replenishedEvents(
  changes: readonly LevelChange[],
  cause: string,
  time: Date,
): Array<StockEvent<'StockReplenished'>> {
  return changes
    .filter((change) => change.before === 0 && change.after > 0)
    .map((change) =>
      stockReplenishedEvent(change.sku, change.after, cause, time),
    );
}

function envelope<TType extends EventType>(
  type: TType,
  payload: EventPayload<TType>,
  subject: string,
  time: Date,
): StockEvent<TType> {
  return createEnvelope(EVENT_SOURCES.inventory, type, payload, {
    id: `${type}:${subject}`,
    time,
  });
}
