import type { EventHandler } from '@retail/shared';
import { createPriceStore } from '../data/prices';
import type { Dependencies } from '../dependencies';

/** ProductUpserted: stores the price unless a newer revision is stored. */
export function createProductUpsertedHandler(
  deps: Dependencies,
): EventHandler<'ProductUpserted'> {
  const prices = createPriceStore(deps);

  return async (payload, _envelope, context) => {
    const outcome = await prices.upsert(payload);
    if (outcome === 'stale') {
      context.logger.info('stale ProductUpserted dropped', {
        messageId: context.messageId,
        sku: payload.sku,
        revision: payload.revision,
      });
    }
  };
}
