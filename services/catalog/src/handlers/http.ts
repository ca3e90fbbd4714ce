import { createHttpApi, lazyHandler } from '@retail/shared';
import { type Dependencies, defaultDependencies } from '../dependencies';
import { createProductRoute } from '../routes/create-product';
import { deleteProductRoute } from '../routes/delete-product';
import { getProductRoute } from '../routes/get-product';
import { importProductsRoute } from '../routes/import-products';
import { listProductsRoute } from '../routes/list-products';
import { updateProductRoute } from '../routes/update-product';

/** Builds the HTTP function. Its routes match those in serverless.yml. */
export function createHttpHandler(deps: Dependencies) {
  return createHttpApi({
    logger: deps.logger,
    routes: [
      { method: 'GET', path: '/products', handler: listProductsRoute(deps) },
      { method: 'POST', path: '/products', handler: createProductRoute(deps) },
      {
        method: 'POST',
        path: '/products/import',
        handler: importProductsRoute(deps),
      },
      {
        method: 'GET',
        path: '/products/{sku}',
        handler: getProductRoute(deps),
      },
      {
        method: 'PUT',
        path: '/products/{sku}',
        handler: updateProductRoute(deps),
      },
      {
        method: 'DELETE',
        path: '/products/{sku}',
        handler: deleteProductRoute(deps),
      },
    ],
  });
}

export const handler = lazyHandler(() =>
  createHttpHandler(defaultDependencies()),
);
