import type { ReservationLine } from '../data/reservation';
import type { Dependencies } from '../dependencies';
import { runBoundedOrThrow, STOCK_UPDATE_CONCURRENCY } from './run-bounded';

/**
 * Removes the order's hold entries once its record is RESERVED: from then
 * on the record, not the entries, stops a second reservation.
 */
export async function clearHolds(
  deps: Pick<Dependencies, 'holds'>,
  orderId: string,
  lines: readonly ReservationLine[],
): Promise<void> {
  await runBoundedOrThrow(lines, STOCK_UPDATE_CONCURRENCY, (line) =>
    deps.holds.clearHold(orderId, line.sku),
  );
}

/**
 * Removes every entry of the order once its record is RELEASED: from then
 * on the record, not the release markers, stops a second release.
 */
export async function clearOrderEntries(
  deps: Pick<Dependencies, 'holds'>,
  orderId: string,
  lines: readonly ReservationLine[],
): Promise<void> {
  await runBoundedOrThrow(lines, STOCK_UPDATE_CONCURRENCY, (line) =>
    deps.holds.clearOrderEntries(orderId, line.sku),
  );
}
