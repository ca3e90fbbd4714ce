import type { EventPayload } from '@retail/shared';
import type { Dependencies } from '../dependencies';
import { aggregateLines } from './aggregate-lines';
import { confirmReservation } from './confirm-reservation';
import { holdLines } from './hold-lines';
import type { Invocation } from './invocation';
import { rejectReservation } from './reject-reservation';
import { settleReservation } from './settle-reservation';

/**
 * Reserves every line of an order or none. Each step is idempotent, so a
 * delivery that follows a crash at any point resumes the order without
 * taking stock twice.
 */
export async function reserveOrder(
  deps: Dependencies,
  order: EventPayload<'OrderPlaced'>,
  invocation: Invocation,
): Promise<void> {
  const { orderId } = invocation;
  const lines = aggregateLines(order.lines);

  invocation.ensureTimeLeft('lock');
  const lock = await deps.reservations.acquire(
    orderId,
    lines,
    invocation.lease,
  );
  if (!lock.acquired) return settleReservation(deps, orderId, lock.current);

  const holds = await holdLines(deps, invocation, lines);
  if (!holds.rejection) {
    return confirmReservation(deps, invocation, lines, holds.depleted);
  }

  // An interrupted earlier attempt may hold SKUs this one never reached.
  const heldSkus = lock.resumed ? lines.map((line) => line.sku) : holds.held;
  return rejectReservation(
    deps,
    invocation,
    holds.rejection,
    heldSkus,
    holds.depleted,
  );
}
