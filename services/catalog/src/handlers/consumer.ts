import { createQueueConsumer, groupByPayload } from '@retail/shared';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { stockDepletedHandler } from '../consumers/stock-depleted';
import { stockReplenishedHandler } from '../consumers/stock-replenished';
import { type Dependencies, defaultDependencies } from '../dependencies';

export type ConsumerHandler = (
  event: SQSEvent,
  context: Context,
) => Promise<SQSBatchResponse>;

/**
 * Creates the queue consumer, which routes records by event type. The
 * consumer is built on the first invocation, like the HTTP API, and
 * resources/rules.yml feeds it the same event types.
 */
export function createConsumerHandler(
  dependencies: () => Dependencies,
): ConsumerHandler {
  let consume: ConsumerHandler | undefined;
  return (event, context) => {
    if (!consume) {
      const deps = dependencies();
      consume = createQueueConsumer({
        routes: {
          StockDepleted: stockDepletedHandler(deps),
          StockReplenished: stockReplenishedHandler(deps),
        },
        logger: deps.logger,
        metrics: deps.metrics,
        groupKey: groupByPayload('sku'),
      });
    }
    return consume(event, context);
  };
}

export const handler = createConsumerHandler(defaultDependencies);
