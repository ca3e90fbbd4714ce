import type { Reservation } from '../data/reservation';
import type { Dependencies } from '../dependencies';
import {
  ReservationConflictError,
  ReservationInProgressError,
} from '../errors';
import { stockRejectedEvent, stockReservedEvent } from '../events/stock-events';
import { clearHolds } from './clear-entries';

/**
 * Handles an OrderPlaced whose record another attempt or a cancellation
 * already wrote. A final outcome is published again with its first id, and
 * a RESERVED order also gets its leftover hold entries removed.
 */
export async function settleReservation(
  deps: Pick<Dependencies, 'holds' | 'publisher' | 'logger' | 'now'>,
  orderId: string,
  current: Reservation | undefined,
): Promise<void> {
  if (!current) throw new ReservationConflictError(orderId, 1);
  const time = new Date(deps.now());

  switch (current.status) {
    case 'RESERVING':
      throw new ReservationInProgressError(
        orderId,
        current.status,
        current.leaseExpiresAt,
      );
    case 'RESERVED':
      await deps.publisher.publish([stockReservedEvent(orderId, time)]);
      await clearHolds(deps, orderId, current.lines ?? []);
      return;
    case 'REJECTED':
      if (!current.rejection) {
        deps.logger.error('REJECTED record has no rejection', { orderId });
        return;
      }
      await deps.publisher.publish([
        stockRejectedEvent(orderId, current.rejection, time),
      ]);
      return;
    default:
      deps.logger.info('order already cancelled: nothing to reserve', {
        orderId,
        status: current.status,
      });
  }
}
