import type { ReservationLine } from '../data/reservation';
import type { Dependencies } from '../dependencies';
import { replenishedEvents } from '../events/stock-events';
import { clearOrderEntries } from './clear-entries';
import type { Invocation } from './invocation';
import { runBoundedOrThrow, STOCK_UPDATE_CONCURRENCY } from './run-bounded';

/**
 * Returns a cancelled order's stock: adds each line back once, guarded by
 * the order's release marker, announces the levels that left 0, marks the
 * record RELEASED and removes the markers.
 */
export async function restockOrder(
  deps: Pick<
    Dependencies,
    'holds' | 'reservations' | 'publisher' | 'logger' | 'now'
  >,
  invocation: Invocation,
  lines: readonly ReservationLine[],
): Promise<void> {
  const { orderId } = invocation;
  const changes = await runBoundedOrThrow(
    lines,
    STOCK_UPDATE_CONCURRENCY,
    (line) => {
      invocation.ensureTimeLeft(`restock of SKU ${line.sku}`);
      return deps.holds.restock(orderId, line);
    },
  );

  // NOTE: a SKU restocked by an attempt that crashed before this publish
  // is skipped by the retry, so its StockReplenished is never sent.
  const restocked = changes.filter((change) => change !== undefined);
  const events = replenishedEvents(restocked, orderId, new Date(deps.now()));
  if (events.length > 0) await deps.publisher.publish(events);

  invocation.ensureTimeLeft('mark RELEASED');
  await deps.reservations.markReleased(orderId, invocation.lease);
  deps.logger.info('order released', { orderId, skus: lines.length });

  await clearOrderEntries(deps, orderId, lines);
}
