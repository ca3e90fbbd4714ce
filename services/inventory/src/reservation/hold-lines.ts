import type { ReservationLine, StockRejection } from '../data/reservation';
import type { Dependencies } from '../dependencies';
import { OutOfStockError, UnknownSkuError } from '../errors';
import type { Invocation } from './invocation';
import { runBounded, STOCK_UPDATE_CONCURRENCY } from './run-bounded';

export interface HoldOutcome {
  /**
   * SKUs this attempt saw held for the order: taken now, or by an earlier
   * attempt (also when a retried request found its own first write).
   */
  held: string[];
  /** Held SKUs whose level is 0 now, by this attempt or an earlier one. */
  depleted: string[];
  /** The first line, in SKU order, that the stock could not cover. */
  rejection?: StockRejection;
}

/**
 * Holds every line of the order, a bounded number at a time. Stops
 * starting holds at the first line the stock cannot cover and returns it
 * as the rejection. Any other failure is thrown once the running holds
 * have finished.
 */
export async function holdLines(
  deps: Pick<Dependencies, 'holds'>,
  invocation: Invocation,
  lines: readonly ReservationLine[],
): Promise<HoldOutcome> {
  const run = await runBounded(lines, STOCK_UPDATE_CONCURRENCY, (line) => {
    invocation.ensureTimeLeft(`hold of SKU ${line.sku}`);
    return deps.holds.hold(invocation.orderId, line);
  });

  const outcome: HoldOutcome = { held: [], depleted: [] };
  run.results.forEach((result, index) => {
    const sku = lines[index]?.sku;
    if (!result || sku === undefined) return;
    outcome.held.push(sku);
    if (result.available === 0) outcome.depleted.push(sku);
  });

  for (const { error } of run.errors) {
    const rejection = toRejection(error);
    if (!rejection) throw error;
    outcome.rejection ??= rejection;
  }
  return outcome;
}

function toRejection(error: unknown): StockRejection | undefined {
  if (error instanceof OutOfStockError) {
    const { sku, requested, available } = error;
    return { reason: 'OUT_OF_STOCK', sku, requested, available };
  }
  if (error instanceof UnknownSkuError) {
    const { sku, requested } = error;
    return { reason: 'UNKNOWN_SKU', sku, requested, available: 0 };
  }
  return undefined;
}
