import type { Context } from 'aws-lambda';
import type { Lease } from '../data/reservation';
import { DeadlineNearError } from '../errors';

/**
 * No step starts with less time than this left, so the last request an
 * invocation sends completes well before its lease expires and another
 * invocation may take the order over.
 */
export const DEADLINE_MARGIN_MS = 2_000;

/** One attempt to work on an order, inside one Lambda invocation. */
export interface Invocation {
  orderId: string;
  lease: Lease;
  /** Throws DeadlineNearError when too little time is left for `step`. */
  ensureTimeLeft(step: string): void;
}

/**
 * Starts an attempt whose lease ends at the invocation's deadline: Lambda
 * stops the invocation then, so an expired lease means its owner no longer
 * runs.
 */
export function startInvocation(
  orderId: string,
  context: Context,
  now: () => number,
): Invocation {
  const expiresAt = now() + context.getRemainingTimeInMillis();
  return {
    orderId,
    lease: { owner: context.awsRequestId, expiresAt },
    ensureTimeLeft(step) {
      const remainingMs = context.getRemainingTimeInMillis();
      if (remainingMs < DEADLINE_MARGIN_MS) {
        throw new DeadlineNearError(orderId, step, remainingMs);
      }
    },
  };
}
