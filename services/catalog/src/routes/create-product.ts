import type { RouteHandler } from '@retail/shared';
import { insertProduct } from '../data/product-writes';
import type { Dependencies } from '../dependencies';
import { productUpsertedEvent } from '../product-events';
import { productInputSchema } from '../product-input';
import { readBody } from './read-body';

/** POST /products: 201 with the product, 409 when the SKU exists. */
export function createProductRoute(deps: Dependencies): RouteHandler {
  return async (request) => {
    const input = readBody(request, productInputSchema);
    const now = deps.now();

    const product = await insertProduct(deps.products, input, now);
    // NOTE: the product is stored before its event is published. If the
    // publish fails the request returns 500 and the event is lost, since a
    // retried create gets 409 (and a retried delete 404). Closing this gap
    // needs an outbox or DynamoDB Streams.
    await deps.publisher.publish([productUpsertedEvent(product, now)]);

    return {
      statusCode: 201,
      body: product,
      headers: { location: `/products/${product.sku}` },
    };
  };
}
