import type { Reservation, ReservationLine } from '../data/reservation';
import type { Dependencies } from '../dependencies';
import {
  ReservationConflictError,
  ReservationInProgressError,
} from '../errors';
import { replenishedEvents } from '../events/stock-events';
import { clearOrderEntries } from './clear-entries';
import type { Invocation } from './invocation';
import { releaseHolds } from './release-holds';
import { restockOrder } from './restock-order';

/** Reads of the record per delivery when conditional writes keep failing. */
const MAX_READS = 3;

/**
 * Polls, 250 ms apart, that a cancellation spends waiting for another
 * invocation's reservation or release of the order to end. After them the
 * record fails and waits for its next delivery, up to the queue's
 * visibility timeout.
 */
const IN_PROGRESS_POLLS = 20;
const IN_PROGRESS_POLL_MS = 250;

type ReleaseDependencies = Pick<
  Dependencies,
  'holds' | 'reservations' | 'publisher' | 'logger' | 'now' | 'sleep'
>;

/**
 * Applies a cancellation: a reserved order gets its stock back once, and
 * an order without a final outcome is marked CANCELLED so that a late or
 * retried OrderPlaced does not reserve it.
 */
export async function releaseOrder(
  deps: ReleaseDependencies,
  invocation: Invocation,
): Promise<void> {
  let polls = 0;
  let reads = 0;
  while (reads < MAX_READS) {
    const current = await deps.reservations.get(invocation.orderId);
    if (
      isRunningElsewhere(current, invocation, deps.now()) &&
      polls < IN_PROGRESS_POLLS
    ) {
      polls += 1;
      invocation.ensureTimeLeft('wait for the running reservation');
      await deps.sleep(IN_PROGRESS_POLL_MS);
      continue;
    }
    reads += 1;
    if (await applyCancellation(deps, invocation, current)) return;
  }
  throw new ReservationConflictError(invocation.orderId, MAX_READS);
}

/**
 * Returns true while another invocation has a live lease on the order. A
 * lease of this invocation, left by its own failed reservation earlier in
 * the batch, will not end while it waits.
 */
function isRunningElsewhere(
  current: Reservation | undefined,
  invocation: Invocation,
  now: number,
): boolean {
  if (current?.status !== 'RESERVING' && current?.status !== 'RELEASING') {
    return false;
  }
  if (current.leaseOwner === invocation.lease.owner) return false;
  return (current.leaseExpiresAt ?? 0) >= now;
}

/** Returns false when the record changed before a conditional write. */
async function applyCancellation(
  deps: ReleaseDependencies,
  invocation: Invocation,
  current: Reservation | undefined,
): Promise<boolean> {
  const { orderId, lease } = invocation;
  if (!current) return deps.reservations.createCancelled(orderId);

  const leaseLive = (current.leaseExpiresAt ?? 0) >= deps.now();
  const lines = current.lines ?? [];
  switch (current.status) {
    case 'RESERVING':
      if (leaseLive) throw inProgress(current);
      if (!(await deps.reservations.cancelInterrupted(orderId, current))) {
        return false;
      }
      await releaseInterruptedHolds(deps, invocation, lines);
      return true;
    case 'CANCELLED':
      if (current.lines) await releaseInterruptedHolds(deps, invocation, lines);
      return true;
    case 'RESERVED':
      if (!(await deps.reservations.beginRelease(orderId, lease))) return false;
      await restockOrder(deps, invocation, lines);
      return true;
    case 'RELEASING':
      if (leaseLive) throw inProgress(current);
      if (!(await deps.reservations.resumeRelease(orderId, lease, current))) {
        return false;
      }
      await restockOrder(deps, invocation, lines);
      return true;
    case 'RELEASED':
      await clearOrderEntries(deps, orderId, lines);
      return true;
    case 'REJECTED':
      deps.logger.info('order was rejected: nothing to release', { orderId });
      return true;
  }
}

/**
 * Gives back what an interrupted reservation held, then drops the lines
 * from the CANCELLED record, which marks the order as settled.
 */
async function releaseInterruptedHolds(
  deps: ReleaseDependencies,
  invocation: Invocation,
  lines: readonly ReservationLine[],
): Promise<void> {
  const { orderId } = invocation;
  const skus = lines.map((line) => line.sku);
  const changes = await releaseHolds(deps, invocation, skus);

  const events = replenishedEvents(changes, orderId, new Date(deps.now()));
  if (events.length > 0) await deps.publisher.publish(events);

  await deps.reservations.clearCancelledLines(orderId);
  deps.logger.info('interrupted reservation cancelled', { orderId });
}

function inProgress(current: Reservation): ReservationInProgressError {
  return new ReservationInProgressError(
    current.orderId,
    current.status,
    current.leaseExpiresAt,
  );
}
