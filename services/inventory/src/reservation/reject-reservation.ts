import type { StockRejection } from '../data/reservation';
import type { Dependencies } from '../dependencies';
import { replenishedEvents, stockRejectedEvent } from '../events/stock-events';
import type { Invocation } from './invocation';
import { releaseHolds } from './release-holds';

/**
 * Compensates an order that cannot be reserved: gives back every hold on
 * `heldSkus`, announces the levels that left 0 because of it (except the
 * ones this attempt emptied itself and never announced), marks the record
 * REJECTED and publishes StockRejected.
 */
export async function rejectReservation(
  deps: Pick<
    Dependencies,
    'holds' | 'reservations' | 'publisher' | 'logger' | 'now'
  >,
  invocation: Invocation,
  rejection: StockRejection,
  heldSkus: readonly string[],
  depleted: readonly string[],
): Promise<void> {
  const { orderId } = invocation;
  const changes = await releaseHolds(deps, invocation, heldSkus);
  const time = new Date(deps.now());

  const emptiedHere = new Set(depleted);
  const announce = changes.filter((change) => !emptiedHere.has(change.sku));
  const replenished = replenishedEvents(announce, orderId, time);
  if (replenished.length > 0) await deps.publisher.publish(replenished);

  invocation.ensureTimeLeft('mark REJECTED');
  await deps.reservations.markRejected(orderId, invocation.lease, rejection);
  deps.logger.info('order rejected', { orderId, ...rejection });

  await deps.publisher.publish([stockRejectedEvent(orderId, rejection, time)]);
}
