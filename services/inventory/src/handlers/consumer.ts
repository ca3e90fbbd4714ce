import {
  createQueueConsumer,
  groupByPayload,
  lazyHandler,
} from '@retail/shared';
import { orderCancelledHandler } from '../consumers/order-cancelled';
import { orderPlacedHandler } from '../consumers/order-placed';
import { type Dependencies, defaultDependencies } from '../dependencies';

/** Builds the queue consumer. Its event types match resources/rules.yml. */
export function createConsumerHandler(deps: Dependencies) {
  return createQueueConsumer({
    logger: deps.logger,
    metrics: deps.metrics,
    groupKey: groupByPayload('orderId'),
    routes: {
      OrderPlaced: orderPlacedHandler(deps),
      OrderCancelled: orderCancelledHandler(deps),
    },
  });
}

export const handler = lazyHandler(() =>
  createConsumerHandler(defaultDependencies()),
);
