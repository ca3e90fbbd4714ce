import { createHttpApi, type HttpRoute } from '@retail/shared';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { type Dependencies, defaultDependencies } from '../dependencies';
import { createProductRoute } from '../routes/create-product';
import { deleteProductRoute } from '../routes/delete-product';
import { getProductRoute } from '../routes/get-product';
import { importProductsRoute } from '../routes/import-products';
import { listProductsRoute } from '../routes/list-products';
import { updateProductRoute } from '../routes/update-product';

export type HttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Lists the routes of the catalog API, which serverless.yml declares too. */
export function productRoutes(deps: Dependencies): HttpRoute[] {
  return [
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
  ];
}

/**
 * Creates the HTTP function. The API is built on the first invocation,
 * so loading the module needs no environment.
 */
export function createHttpHandler(
  dependencies: () => Dependencies,
): HttpHandler {
  let api: HttpHandler | undefined;
  return (event, context) => {
    if (!api) {
      const deps = dependencies();
      api = createHttpApi({ routes: productRoutes(deps), logger: deps.logger });
    }
    return api(event, context);
  };
}

export const handler = createHttpHandler(defaultDependencies);
