import {
  describeIssues,
  type RouteHandler,
  ValidationError,
} from '@retail/shared';
import type { Dependencies } from '../dependencies';
import { StockNotFoundError } from '../errors';
import { skuSchema } from './sku';

/** GET /stock/{sku}: 200 { sku, available, updatedAt } or 404. */
export function getStockRoute(deps: Pick<Dependencies, 'stock'>): RouteHandler {
  return async (request) => {
    const sku = parseSku(request.params.sku);
    const level = await deps.stock.get(sku);
    if (!level) throw new StockNotFoundError(sku);

    return { statusCode: 200, body: level };
  };
}

function parseSku(value: string | undefined): string {
  const result = skuSchema.safeParse(value ?? '');
  if (!result.success) {
    throw new ValidationError(
      `invalid SKU in the path: ${describeIssues(result.error)}`,
      { statusCode: 422, details: { field: 'sku' } },
    );
  }
  return result.data;
}
