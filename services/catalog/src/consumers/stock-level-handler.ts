import type {
  EventEnvelope,
  EventPayload,
  RecordContext,
} from '@retail/shared';
import { applyStockLevel } from '../data/stock-level';
import type { Dependencies } from '../dependencies';

type StockLevelPayload = EventPayload<'StockDepleted' | 'StockReplenished'>;

/**
 * Builds the handler of a stock event that sets inStock to `inStock`. A
 * stale event and an event for an unknown SKU are logged and succeed, so
 * they are deleted from the queue instead of retried.
 */
export function stockLevelHandler(deps: Dependencies, inStock: boolean) {
  return async (
    payload: StockLevelPayload,
    envelope: EventEnvelope,
    context: RecordContext,
  ): Promise<void> => {
    const outcome = await applyStockLevel(deps.products, {
      sku: payload.sku,
      inStock,
      time: new Date(envelope.time),
    });
    if (outcome === 'applied') return;

    const fields = {
      sku: payload.sku,
      eventId: envelope.id,
      eventType: envelope.type,
      eventTime: envelope.time,
      messageId: context.messageId,
    };
    if (outcome === 'stale') {
      context.logger.info('stale stock event dropped', fields);
    } else {
      context.logger.warn('stock event for unknown SKU dropped', fields);
    }
  };
}
