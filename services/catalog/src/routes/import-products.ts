import type { RouteHandler } from '@retail/shared';
import { upsertProducts } from '../data/upsert-products';
import type { Dependencies } from '../dependencies';
import { validateImportProducts } from '../import-validation';
import { productUpsertedEvent } from '../product-events';
import { importRequestSchema } from '../product-input';
import { readBody } from './read-body';

/**
 * POST /products/import: validates every product before writing any, then
 * creates or replaces them in batches and publishes ProductUpserted for
 * each written one. Returns 200 `{ imported, failed: [] }`, or 207 when
 * some products failed to write, which are listed and not published.
 */
export function importProductsRoute(deps: Dependencies): RouteHandler {
  return async (request) => {
    const { products } = readBody(request, importRequestSchema);
    const inputs = validateImportProducts(products);
    const now = deps.now();

    const result = await upsertProducts(deps.products, inputs, now);
    await deps.publisher.publish(
      result.written.map((product) => productUpsertedEvent(product, now)),
    );

    if (result.failed.length > 0) {
      deps.logger.warn('import left products unwritten', {
        imported: result.written.length,
        failed: result.failed,
      });
    }
    return {
      statusCode: result.failed.length > 0 ? 207 : 200,
      body: { imported: result.written.length, failed: result.failed },
    };
  };
}
