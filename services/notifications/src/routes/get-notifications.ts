import {
  describeIssues,
  orderConfirmedSchema,
  type RouteHandler,
  ValidationError,
} from '@retail/shared';
import { z } from 'zod';
import type { Dependencies } from '../dependencies';

// The same rule as the orderId of the order events.
const paramsSchema = z.object({ orderId: orderConfirmedSchema.shape.orderId });

/**
 * Creates the handler of GET /notifications/{orderId}, which returns
 * `{ orderId, items }` with the messages sent for the order, oldest first.
 * The list is empty when none were sent.
 */
export function getNotifications(deps: Dependencies): RouteHandler {
  return async (request) => {
    const params = paramsSchema.safeParse(request.params);
    if (!params.success) {
      throw new ValidationError(
        `invalid path parameter: ${describeIssues(params.error)}`,
        { statusCode: 422, details: { field: 'orderId' } },
      );
    }

    const { orderId } = params.data;
    const items = await deps.notificationLog.listByOrder(orderId);
    return { statusCode: 200, body: { orderId, items } };
  };
}
