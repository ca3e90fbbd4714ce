import type { EventPayload } from '@retail/shared';
import type { RenderedMessage } from './rendered-message';

type Rejection = EventPayload<'OrderRejected'>;

const REASONS: Record<Rejection['reason'], string> = {
  OUT_OF_STOCK: 'an item is out of stock',
  UNKNOWN_SKU: 'an item is not in our catalogue',
};

/** Returns the rejection reason in words, with the SKU when known. */
export function describeRejection(
  reason: Rejection['reason'],
  sku?: string,
): string {
  const words = REASONS[reason];
  return sku === undefined ? words : `${words} (SKU ${sku})`;
}

export function renderOrderRejected(payload: Rejection): RenderedMessage {
  const { orderId } = payload;
  const reason = describeRejection(payload.reason, payload.sku);

  return {
    template: 'order-rejected',
    subject: `We could not accept your order ${orderId}`,
    text: [
      'Hello,',
      '',
      `We could not accept your order ${orderId} because ${reason}.`,
      'You can place a new order without that item.',
    ].join('\n'),
  };
}
