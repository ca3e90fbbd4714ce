import {
  createQueueConsumer,
  groupByPayload,
  lazyHandler,
} from '@retail/shared';
import { orderCancelled } from '../consumers/order-cancelled';
import { orderConfirmed } from '../consumers/order-confirmed';
import { orderRejected } from '../consumers/order-rejected';
import { type Dependencies, defaultDependencies } from '../dependencies';

/** Builds the queue consumer. Its event types match resources/rules.yml. */
export function createConsumerHandler(deps: Dependencies) {
  return createQueueConsumer({
    logger: deps.logger,
    metrics: deps.metrics,
    documentClient: deps.documentClient,
    groupKey: groupByPayload('orderId'),
    routes: {
      OrderConfirmed: orderConfirmed(deps),
      OrderRejected: orderRejected(deps),
      OrderCancelled: orderCancelled(deps),
    },
    batchWriteOptions: deps.batchWriteOptions,
  });
}

export const handler = lazyHandler(() =>
  createConsumerHandler(defaultDependencies()),
);
