import type { RouteHandler } from '@retail/shared';
import { readProduct } from '../data/product-reads';
import type { Dependencies } from '../dependencies';
import { skuParam } from './sku-param';

/** GET /products/{sku}: 200 with the product, 404 when absent. */
export function getProductRoute(deps: Dependencies): RouteHandler {
  return async (request) => {
    const product = await readProduct(deps.products, skuParam(request));
    return { statusCode: 200, body: product };
  };
}
