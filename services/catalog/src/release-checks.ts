import {
  consumerChecks,
  httpCheck,
  type ReleaseCheck,
} from '@retail/shared/release';

/**
 * Requests and events that the pre-traffic hook sends to a new version
 * before it takes traffic. There is one request per route in
 * serverless.yml and one event per type that the queue receives.
 *
 * None changes data. Reads list products or ask for the SKU release-check,
 * which no product is expected to use (if one does, its check fails but
 * still writes nothing). Writes carry a body that validation rejects.
 * DELETE has no body, so it sends a SKU that validation rejects, because
 * deleting a SKU that exists would remove that product.
 */
export const releaseChecks: ReleaseCheck[] = [
  httpCheck('GET /products', '/products', 200),
  httpCheck('POST /products', '/products', 422, { body: {} }),
  httpCheck('POST /products/import', '/products/import', 422, {
    body: { products: [] },
  }),
  httpCheck('GET /products/{sku}', '/products/release-check', 404),
  httpCheck('PUT /products/{sku}', '/products/release-check', 422, {
    body: {},
  }),
  httpCheck('DELETE /products/{sku}', '/products/-release-check', 422),
  ...consumerChecks('StockDepleted', 'StockReplenished'),
];
