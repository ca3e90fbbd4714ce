import { createHttpApi, lazyHandler } from '@retail/shared';
import { type Dependencies, defaultDependencies } from '../dependencies';
import { getStockRoute } from '../routes/get-stock';
import { putStockRoute } from '../routes/put-stock';

/** Builds the HTTP function. Its routes match those in serverless.yml. */
export function createHttpHandler(deps: Dependencies) {
  return createHttpApi({
    logger: deps.logger,
    routes: [
      { method: 'GET', path: '/stock/{sku}', handler: getStockRoute(deps) },
      { method: 'PUT', path: '/stock', handler: putStockRoute(deps) },
    ],
  });
}

export const handler = lazyHandler(() =>
  createHttpHandler(defaultDependencies()),
);
