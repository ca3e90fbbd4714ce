import {
  createQueueConsumer,
  groupByPayload,
  lazyHandler,
} from '@retail/shared';
import { stockDepletedHandler } from '../consumers/stock-depleted';
import { stockReplenishedHandler } from '../consumers/stock-replenished';
import { type Dependencies, defaultDependencies } from '../dependencies';

/** Builds the queue consumer. Its event types match resources/rules.yml. */
export function createConsumerHandler(deps: Dependencies) {
  return createQueueConsumer({
    logger: deps.logger,
    metrics: deps.metrics,
    groupKey: groupByPayload('sku'),
    routes: {
      StockDepleted: stockDepletedHandler(deps),
      StockReplenished: stockReplenishedHandler(deps),
    },
  });
}

export const handler = lazyHandler(() =>
  createConsumerHandler(defaultDependencies()),
);
