/** Per-SKU updates of one order that run at the same time. */
export const STOCK_UPDATE_CONCURRENCY = 10;

export interface BoundedRun<TResult> {
  /** Results by input index; undefined where the task failed or never ran. */
  results: Array<TResult | undefined>;
  /** Failures in input order. */
  errors: Array<{ index: number; error: unknown }>;
}

/**
 * Runs `task` on the items in input order with at most `concurrency`
 * running at once. After the first failure no new task starts, and the
 * running ones are awaited, so no request is in flight on return.
 */
export async function runBounded<TItem, TResult>(
  items: readonly TItem[],
  concurrency: number,
  task: (item: TItem) => Promise<TResult>,
): Promise<BoundedRun<TResult>> {
  const results: Array<TResult | undefined> = items.map(() => undefined);
  const errors: BoundedRun<TResult>['errors'] = [];
  let next = 0;

  async function work(): Promise<void> {
    while (errors.length === 0 && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await task(items[index] as TItem);
      } catch (error) {
        errors.push({ index, error });
      }
    }
  }

  const workers = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, work));
  errors.sort((a, b) => a.index - b.index);
  return { results, errors };
}

/** Runs the tasks like runBounded and throws the first failure, if any. */
export async function runBoundedOrThrow<TItem, TResult>(
  items: readonly TItem[],
  concurrency: number,
  task: (item: TItem) => Promise<TResult>,
): Promise<Array<TResult | undefined>> {
  const run = await runBounded(items, concurrency, task);
  const [first] = run.errors;
  if (first) throw first.error;
  return run.results;
}
