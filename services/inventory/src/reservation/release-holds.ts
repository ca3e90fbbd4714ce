import type { LevelChange } from '../data/stock-holds';
import type { Dependencies } from '../dependencies';
import type { Invocation } from './invocation';
import { runBoundedOrThrow, STOCK_UPDATE_CONCURRENCY } from './run-bounded';

/**
 * Gives back what the order holds on each SKU, skipping SKUs it no longer
 * holds, and returns the levels that rose.
 */
export async function releaseHolds(
  deps: Pick<Dependencies, 'holds'>,
  invocation: Invocation,
  skus: readonly string[],
): Promise<LevelChange[]> {
  const changes = await runBoundedOrThrow(
    skus,
    STOCK_UPDATE_CONCURRENCY,
    (sku) => {
      invocation.ensureTimeLeft(`release of SKU ${sku}`);
      return deps.holds.releaseHold(invocation.orderId, sku);
    },
  );
  return changes.filter((change) => change !== undefined);
}
