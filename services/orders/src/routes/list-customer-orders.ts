import { type RouteHandler, ValidationError } from '@retail/shared';
import { createOrderStore } from '../data/orders';
import type { Dependencies } from '../dependencies';
import { toOrderSummaryView } from '../domain/order-view';
import { idParam } from './id-param';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/**
 * GET /customers/{customerId}/orders?limit=&cursor=: 200 with
 * { items, nextCursor? }, newest first. Items leave out the lines, which
 * can make one order hundreds of kilobytes; GET /orders/{orderId} has them.
 */
export function createListCustomerOrdersRoute(
  deps: Dependencies,
): RouteHandler {
  const orders = createOrderStore(deps);

  return async (request) => {
    const customerId = idParam(request, 'customerId');
    const limit = parseLimit(request.query.limit);
    const page = await orders.listByCustomer(
      customerId,
      limit,
      request.query.cursor || undefined,
    );

    return {
      statusCode: 200,
      body: {
        items: page.orders.map(toOrderSummaryView),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      },
    };
  };
}

function parseLimit(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_PAGE_SIZE;

  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ValidationError(
      `invalid limit "${text}": expected a whole number from 1 to ${MAX_PAGE_SIZE}`,
      { statusCode: 422, details: { field: 'limit' } },
    );
  }
  return limit;
}
