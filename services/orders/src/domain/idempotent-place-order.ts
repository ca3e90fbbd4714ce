import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { createOrderStore } from '../data/orders';
import type { Dependencies } from '../dependencies';
import { IdempotencyKeyReusedError, OrderInProgressError } from '../errors';
import { type PlacedOrderView, toPlacedOrderView } from './order-view';
import { createPlaceOrder, type PlaceOrderInput } from './place-order';

/**
 * Wraps place-order with Powertools idempotency, keyed by the customer and
 * the Idempotency-Key and validated on the whole request body.
 * - The same key and body replay the stored response.
 * - The same key with another body throws IdempotencyKeyReusedError (422).
 * - The same key while the first call runs throws OrderInProgressError
 *   (409). The lock lapses at the first invocation's deadline, because the
 *   Lambda context is registered on every call.
 */
export function createIdempotentPlaceOrder(deps: Dependencies) {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[request.customerId, idempotencyKey]',
    payloadValidationJmesPath: 'request',
    throwOnNoIdempotencyKey: true,
    expiresAfterSeconds: deps.config.idempotencyExpirySeconds,
  });
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: deps.config.idempotencyTable,
    awsSdkV3Client: deps.dynamoClient,
  });
  const placeOrder = makeIdempotent(createPlaceOrder(deps), {
    persistenceStore,
    config,
    keyPrefix: 'placeOrder',
  });

  const orders = createOrderStore(deps);

  return async (
    input: PlaceOrderInput,
    context: Context,
  ): Promise<PlacedOrderView> => {
    config.registerLambdaContext(context);
    let placed: { orderId: string };
    try {
      placed = await placeOrder(input);
    } catch (error) {
      throw toOrderError(error, input.idempotencyKey);
    }
    return toPlacedOrderView(await orders.get(placed.orderId));
  };
}

function toOrderError(error: unknown, idempotencyKey: string): unknown {
  if (error instanceof IdempotencyValidationError) {
    return new IdempotencyKeyReusedError(idempotencyKey, error);
  }
  if (error instanceof IdempotencyAlreadyInProgressError) {
    return new OrderInProgressError(idempotencyKey, error);
  }
  return error;
}
