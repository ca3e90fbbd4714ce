import type { EventHandler } from '@retail/shared';
import type { Dependencies } from '../dependencies';
import { stockLevelHandler } from './stock-level-handler';

/** StockReplenished: marks the product in stock. */
export function stockReplenishedHandler(
  deps: Dependencies,
): EventHandler<'StockReplenished'> {
  return stockLevelHandler(deps, true);
}
