import { type EventPayload, formatMoney } from '@retail/shared';
import type { RenderedMessage } from './rendered-message';

export function renderOrderConfirmed(
  payload: EventPayload<'OrderConfirmed'>,
): RenderedMessage {
  const { orderId, lineCount } = payload;
  const items = lineCount === 1 ? '1 item' : `${lineCount} items`;
  const total = formatMoney(payload.total);

  return {
    template: 'order-confirmed',
    subject: `Your order ${orderId} is confirmed`,
    text: [
      'Hello,',
      '',
      `We have confirmed your order ${orderId}: ${items}, ${total} in total.`,
    ].join('\n'),
  };
}
