import type { EventHandler } from '@retail/shared';
import { createPriceStore } from '../data/prices';
import type { Dependencies } from '../dependencies';

/** ProductDeleted: marks the price inactive unless a newer one is stored. */
export function createProductDeletedHandler(
  deps: Dependencies,
): EventHandler<'ProductDeleted'> {
  const prices = createPriceStore(deps);

  return async (payload, _envelope, context) => {
    const outcome = await prices.deactivate(payload);
    if (outcome === 'stale') {
      context.logger.info('stale ProductDeleted dropped', {
        messageId: context.messageId,
        sku: payload.sku,
        revision: payload.revision,
      });
    }
  };
}
