import {
  createQueueConsumer,
  groupByPayload,
  lazyHandler,
} from '@retail/shared';
import { createProductDeletedHandler } from '../consumers/product-deleted';
import { createProductUpsertedHandler } from '../consumers/product-upserted';
import { createStockRejectedHandler } from '../consumers/stock-rejected';
import { createStockReservedHandler } from '../consumers/stock-reserved';
import { type Dependencies, defaultDependencies } from '../dependencies';

/** Builds the queue consumer. Its event types match resources/rules.yml. */
export function createConsumerHandler(deps: Dependencies) {
  return createQueueConsumer({
    logger: deps.logger,
    metrics: deps.metrics,
    documentClient: deps.documentClient,
    groupKey: groupByPayload('orderId', 'sku'),
    routes: {
      ProductUpserted: createProductUpsertedHandler(deps),
      ProductDeleted: createProductDeletedHandler(deps),
      StockReserved: createStockReservedHandler(deps),
      StockRejected: createStockRejectedHandler(deps),
    },
  });
}

export const handler = lazyHandler(() =>
  createConsumerHandler(defaultDependencies()),
);
