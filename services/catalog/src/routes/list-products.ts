import { type RouteHandler, ValidationError } from '@retail/shared';
import { decodeCursor, encodeCursor } from '../cursor';
import { listProducts } from '../data/product-reads';
import type { Dependencies } from '../dependencies';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

/**
 * GET /products?limit=&cursor=: 200 with `{ items, nextCursor? }`, one
 * Scan page. 422 for a limit outside 1..100 or a cursor not returned here.
 */
export function listProductsRoute(deps: Dependencies): RouteHandler {
  return async (request) => {
    const limit = parseLimit(request.query.limit);
    const cursor = request.query.cursor;
    const startKey = cursor === undefined ? undefined : decodeCursor(cursor);

    const page = await listProducts(deps.products, {
      limit,
      ...(startKey ? { startKey } : {}),
    });

    return {
      statusCode: 200,
      body: {
        items: page.items,
        ...(page.lastKey ? { nextCursor: encodeCursor(page.lastKey) } : {}),
      },
    };
  };
}

function parseLimit(limit: string | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;

  const value = Number(limit);
  if (!/^\d+$/.test(limit) || value < 1 || value > MAX_LIMIT) {
    throw new ValidationError(
      `invalid limit "${limit}": expected an integer from 1 to ${MAX_LIMIT}`,
      { statusCode: 422, details: { limit } },
    );
  }
  return value;
}
