import type { EventHandler } from '@retail/shared';
import type { Dependencies } from '../dependencies';
import { startInvocation } from '../reservation/invocation';
import { reserveOrder } from '../reservation/reserve-order';

/** Reserves the stock of a placed order, every line or none. */
export function orderPlacedHandler(
  deps: Dependencies,
): EventHandler<'OrderPlaced'> {
  return async (order, _envelope, context) => {
    const invocation = startInvocation(
      order.orderId,
      context.lambdaContext,
      deps.now,
    );
    await reserveOrder(deps, order, invocation);
  };
}
