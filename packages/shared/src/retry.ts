/** Settings of an exponential backoff. */
export interface BackoffOptions {
  baseMs: number;
  /** Upper bound of one delay. */
  maxMs?: number;
  /** Returns a number in [0, 1). Tests pass a fixed one. */
  random?: () => number;
}

/**
 * Returns the delay before retry number `attempt` (1 for the first retry):
 * exponential backoff with full jitter, a random delay between 0 and
 * base * 2^(attempt - 1), capped at maxMs. Full jitter spreads retries of
 * many callers so that they do not throttle the table again together.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(
    options.maxMs ?? 5_000,
    options.baseMs * 2 ** (attempt - 1),
  );
  return Math.floor(random() * ceiling);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
