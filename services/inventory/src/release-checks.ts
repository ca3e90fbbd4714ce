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
 * None changes data. The read requests the SKU release-check, which no
 * stock item is expected to use (if one does, its check fails but still
 * writes nothing). The write carries a body that validation rejects.
 */
export const releaseChecks: ReleaseCheck[] = [
  httpCheck('GET /stock/{sku}', '/stock/release-check', 404),
  httpCheck('PUT /stock', '/stock', 422, { body: {} }),
  ...consumerChecks('OrderPlaced', 'OrderCancelled'),
];
