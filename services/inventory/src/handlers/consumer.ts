import { createQueueConsumer, groupByPayload } from '@retail/shared';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { orderCancelledHandler } from '../consumers/order-cancelled';
import { orderPlacedHandler } from '../consumers/order-placed';
import { type Dependencies, defaultDependencies } from '../dependencies';

type ConsumerHandler = (
  event: SQSEvent,
  context: Context,
) => Promise<SQSBatchResponse>;

/**
 * Creates the queue consumer. The dependencies are resolved on the first
 * invocation, so importing this module reads no environment.
 */
export function createConsumerHandler(
  getDependencies: () => Dependencies,
): ConsumerHandler {
  let consume: ConsumerHandler | undefined;

  return (event, context) => {
    consume ??= buildConsumer(getDependencies());
    return consume(event, context);
  };
}

function buildConsumer(deps: Dependencies): ConsumerHandler {
  return createQueueConsumer({
    routes: {
      OrderPlaced: orderPlacedHandler(deps),
      OrderCancelled: orderCancelledHandler(deps),
    },
    logger: deps.logger,
    metrics: deps.metrics,
    groupKey: groupByPayload('orderId'),
  });
}

export const handler = createConsumerHandler(defaultDependencies);
