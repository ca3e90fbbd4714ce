import type { RouteHandler } from '@retail/shared';
import { updateProduct } from '../data/product-writes';
import type { Dependencies } from '../dependencies';
import { productUpsertedEvent } from '../product-events';
import { productChangesSchema } from '../product-input';
import { readBody } from './read-body';
import { skuParam } from './sku-param';

/** PUT /products/{sku}: 200 with the changed product, 404 when absent. */
export function updateProductRoute(deps: Dependencies): RouteHandler {
  return async (request) => {
    const sku = skuParam(request);
    const changes = readBody(request, productChangesSchema);
    const now = deps.now();

    const product = await updateProduct(deps.products, sku, changes, now);
    await deps.publisher.publish([productUpsertedEvent(product, now)]);

    return { statusCode: 200, body: product };
  };
}
