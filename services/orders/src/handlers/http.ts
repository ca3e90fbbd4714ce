import { createHttpApi, lazyHandler } from '@retail/shared';
import { type Dependencies, defaultDependencies } from '../dependencies';
import { createCancelOrderRoute } from '../routes/cancel-order';
import { createGetOrderRoute } from '../routes/get-order';
import { createListCustomerOrdersRoute } from '../routes/list-customer-orders';
import { createPlaceOrderRoute } from '../routes/place-order';

/** Builds the HTTP function. Its routes match those in serverless.yml. */
export function createHttpHandler(deps: Dependencies) {
  return createHttpApi({
    logger: deps.logger,
    routes: [
      { method: 'POST', path: '/orders', handler: createPlaceOrderRoute(deps) },
      {
        method: 'GET',
        path: '/orders/{orderId}',
        handler: createGetOrderRoute(deps),
      },
      {
        method: 'POST',
        path: '/orders/{orderId}/cancel',
        handler: createCancelOrderRoute(deps),
      },
      {
        method: 'GET',
        path: '/customers/{customerId}/orders',
        handler: createListCustomerOrdersRoute(deps),
      },
    ],
  });
}

export const handler = lazyHandler(() =>
  createHttpHandler(defaultDependencies()),
);
