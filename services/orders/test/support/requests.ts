import { httpEvent } from '@retail/testing';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** Builds a POST /orders event. Headers keep their letter case. */
export function placeOrderEvent(
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyEventV2 {
  const event = httpEvent('POST', '/orders', {
    body,
    routeKey: 'POST /orders',
  });
  return { ...event, headers: { ...event.headers, ...headers } };
}

export function getOrderEvent(orderId: string): APIGatewayProxyEventV2 {
  return httpEvent('GET', `/orders/${orderId}`, {
    routeKey: 'GET /orders/{orderId}',
  });
}

export function cancelOrderEvent(
  orderId: string,
  body?: unknown,
): APIGatewayProxyEventV2 {
  return httpEvent('POST', `/orders/${orderId}/cancel`, {
    ...(body === undefined ? {} : { body }),
    routeKey: 'POST /orders/{orderId}/cancel',
  });
}

export function listOrdersEvent(
  customerId: string,
  query?: Record<string, string>,
): APIGatewayProxyEventV2 {
  return httpEvent('GET', `/customers/${customerId}/orders`, {
    ...(query ? { query } : {}),
    routeKey: 'GET /customers/{customerId}/orders',
  });
}

/** Builds a valid POST /orders body. */
export function orderBody(
  customerId: string,
  lines: Array<{ sku: string; quantity: number }>,
) {
  return { customerId, currency: 'GBP', lines };
}
