import type { PlacedOrderView } from '../../src/domain/order-view';
import type { createHttpHandler } from '../../src/handlers/http';
import { invokeHttp } from './invoke';
import { orderBody, placeOrderEvent } from './requests';
import type { Testbed } from './testbed';

/** Seeds SKU-1 (2.50) and places an order of it through POST /orders. */
export async function placeTestOrder(
  testbed: Testbed,
  handler: ReturnType<typeof createHttpHandler>,
  options: { customerId?: string; key?: string; quantity?: number } = {},
): Promise<PlacedOrderView> {
  await testbed.seedPrices([{ sku: 'SKU-1', amount: 250, name: 'Tea' }]);
  const body = orderBody(options.customerId ?? 'cust-1', [
    { sku: 'SKU-1', quantity: options.quantity ?? 2 },
  ]);
  const headers = { 'idempotency-key': options.key ?? 'key-1' };

  const response = await invokeHttp<PlacedOrderView>(
    handler,
    placeOrderEvent(body, headers),
  );
  if (response.statusCode !== 201) {
    throw new Error(`placing the test order failed: ${response.statusCode}`);
  }
  return response.body;
}
