import { createQueueConsumer, groupByPayload } from '@retail/shared';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { orderCancelled } from '../consumers/order-cancelled';
import { orderConfirmed } from '../consumers/order-confirmed';
import { orderRejected } from '../consumers/order-rejected';
import { type Dependencies, defaultDependencies } from '../dependencies';

type ConsumerHandler = (
  event: SQSEvent,
  context: Context,
) => Promise<SQSBatchResponse>;

/** Creates the queue consumer, which resolves its dependencies on first use. */
export function createConsumerHandler(
  resolveDependencies: () => Dependencies,
): ConsumerHandler {
  let consume: ConsumerHandler | undefined;
  return (event, context) => {
    consume ??= buildConsumer(resolveDependencies());
    return consume(event, context);
  };
}

function buildConsumer(deps: Dependencies): ConsumerHandler {
  return createQueueConsumer({
    routes: {
      OrderConfirmed: orderConfirmed(deps),
      OrderRejected: orderRejected(deps),
      OrderCancelled: orderCancelled(deps),
    },
    logger: deps.logger,
    metrics: deps.metrics,
    documentClient: deps.documentClient,
    groupKey: groupByPayload('orderId'),
    ...(deps.batchWriteOptions
      ? { batchWriteOptions: deps.batchWriteOptions }
      : {}),
  });
}

export const handler = createConsumerHandler(defaultDependencies);
