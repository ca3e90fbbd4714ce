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
 * None changes data or sends a message. The read lists the messages of an
 * order id that orders never issues (its ids start with `ord_`), so the
 * list is empty. The consumer validates and routes each event of the
 * release-check source without delivering it.
 */
export const releaseChecks: ReleaseCheck[] = [
  httpCheck(
    'GET /notifications/{orderId}',
    '/notifications/release-check',
    200,
  ),
  ...consumerChecks('OrderConfirmed', 'OrderRejected', 'OrderCancelled'),
];
