import type { EventHandler } from '@retail/shared';
import type { Dependencies } from '../dependencies';
import { stockLevelHandler } from './stock-level-handler';

/** StockDepleted: marks the product out of stock. */
export function stockDepletedHandler(
  deps: Dependencies,
): EventHandler<'StockDepleted'> {
  return stockLevelHandler(deps, false);
}
