import type { RouteHandler } from '@retail/shared';
import { deleteProduct } from '../data/product-writes';
import type { Dependencies } from '../dependencies';
import { productDeletedEvent } from '../product-events';
import { skuParam } from './sku-param';

/** DELETE /products/{sku}: 204, or 404 when absent. */
export function deleteProductRoute(deps: Dependencies): RouteHandler {
  return async (request) => {
    const now = deps.now();

    const { sku, revision } = await deleteProduct(
      deps.products,
      skuParam(request),
      now,
    );
    await deps.publisher.publish([productDeletedEvent(sku, revision, now)]);

    return { statusCode: 204 };
  };
}
