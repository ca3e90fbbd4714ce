import type { RouteHandler } from '@retail/shared';
import { createOrderStore } from '../data/orders';
import type { Dependencies } from '../dependencies';
import { toOrderView } from '../domain/order-view';
import { idParam } from './id-param';

/** GET /orders/{orderId}: 200 with the order, 404 when it does not exist. */
export function createGetOrderRoute(deps: Dependencies): RouteHandler {
  const orders = createOrderStore(deps);

  return async (request) => {
    const order = await orders.get(idParam(request, 'orderId'));
    return { statusCode: 200, body: toOrderView(order) };
  };
}
