import type { ReservationLine } from '../data/reservation';
import type { Dependencies } from '../dependencies';
import { stockDepletedEvent, stockReservedEvent } from '../events/stock-events';
import { clearHolds } from './clear-entries';
import type { Invocation } from './invocation';

/**
 * Finishes an order whose lines are all held: announces the SKUs it
 * emptied, marks the record RESERVED, publishes StockReserved and removes
 * the hold entries. StockDepleted goes out before RESERVED, so a retry
 * that finds the holds done still announces it.
 */
export async function confirmReservation(
  deps: Pick<
    Dependencies,
    'holds' | 'reservations' | 'publisher' | 'logger' | 'now'
  >,
  invocation: Invocation,
  lines: readonly ReservationLine[],
  depleted: readonly string[],
): Promise<void> {
  const { orderId } = invocation;
  const time = new Date(deps.now());

  if (depleted.length > 0) {
    invocation.ensureTimeLeft('publish of StockDepleted');
    await deps.publisher.publish(
      depleted.map((sku) => stockDepletedEvent(sku, orderId, time)),
    );
  }

  invocation.ensureTimeLeft('mark RESERVED');
  await deps.reservations.markReserved(orderId, invocation.lease);
  deps.logger.info('order reserved', { orderId, skus: lines.length });

  await deps.publisher.publish([stockReservedEvent(orderId, time)]);
  await clearHolds(deps, orderId, lines);
}
