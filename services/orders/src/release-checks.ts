import {
  consumerChecks,
  httpCheck,
  type ReleaseCheck,
} from '@retail/shared/release';

/**
 * Requests and events that the pre-traffic hook sends to a new version
 * before it takes traffic: one per route in serverless.yml and one per
 * event type the queue receives. None changes data, because reads request
 * an order that does not exist and writes carry a body that validation
 * rejects.
 */
export const releaseChecks: ReleaseCheck[] = [
  httpCheck('POST /orders', '/orders', 422, {
    headers: { 'idempotency-key': 'release-check' },
    body: {},
  }),
  httpCheck('GET /orders/{orderId}', '/orders/release-check', 404),
  httpCheck(
    'POST /orders/{orderId}/cancel',
    '/orders/release-check/cancel',
    422,
    { body: { reason: '' } },
  ),
  httpCheck(
    'GET /customers/{customerId}/orders',
    '/customers/release-check/orders',
    200,
  ),
  ...consumerChecks(
    'ProductUpserted',
    'ProductDeleted',
    'StockReserved',
    'StockRejected',
  ),
];
