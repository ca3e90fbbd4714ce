import type { EventPayload } from '@retail/shared';
import type { RenderedMessage } from './rendered-message';

export function renderOrderCancelled(
  payload: EventPayload<'OrderCancelled'>,
): RenderedMessage {
  return {
    template: 'order-cancelled',
    subject: `Your order ${payload.orderId} is cancelled`,
    text: [
      'Hello,',
      '',
      `Your order ${payload.orderId} is cancelled. Reason: ${payload.reason}.`,
    ].join('\n'),
  };
}
