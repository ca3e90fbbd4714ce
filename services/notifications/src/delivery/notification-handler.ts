import type { EventHandler, EventPayload } from '@retail/shared';
import type { Dependencies } from '../dependencies';
import type { RenderedMessage } from '../templates/rendered-message';
import { deliverNotification } from './deliver-notification';

/** Event types that carry the order and customer a message goes to. */
export type OrderOutcome =
  | 'OrderConfirmed'
  | 'OrderRejected'
  | 'OrderCancelled';

/** Creates the handler that renders and delivers one event's message. */
export function notificationHandler<TType extends OrderOutcome>(
  deps: Dependencies,
  render: (payload: EventPayload<TType>) => RenderedMessage,
): EventHandler<TType> {
  return (payload, envelope, context) =>
    deliverNotification(
      deps,
      {
        envelope,
        orderId: payload.orderId,
        customerId: payload.customerId,
        message: render(payload),
      },
      context,
    );
}
