import type { EventHandler } from '@retail/shared';
import type { Dependencies } from '../dependencies';
import { startInvocation } from '../reservation/invocation';
import { releaseOrder } from '../reservation/release-order';

/** Returns a cancelled order's stock once, or blocks its reservation. */
export function orderCancelledHandler(
  deps: Dependencies,
): EventHandler<'OrderCancelled'> {
  return async (cancellation, _envelope, context) => {
    const invocation = startInvocation(
      cancellation.orderId,
      context.lambdaContext,
      deps.now,
    );
    await releaseOrder(deps, invocation);
  };
}
