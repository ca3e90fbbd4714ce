import { PlatformRequestError } from './errors';
import { templatesOf } from './notification-check';
import type { PlatformApi } from './platform-api';
import { Semaphore } from './semaphore';
import type { OrderOutcome } from './send-invoices';
import type { CollectedOrder } from './summary';

/**
 * Reads every accepted order and its notifications, then every SKU's
 * stock, with at most `concurrency` requests in flight.
 */
export async function collectResults(
  api: PlatformApi,
  orders: OrderOutcome[],
  skus: string[],
  concurrency: number,
): Promise<{
  orders: CollectedOrder[];
  finalStock: Map<string, number | undefined>;
}> {
  const semaphore = new Semaphore(concurrency);
  const accepted = orders.flatMap((outcome) =>
    outcome.status === 201 && outcome.orderId !== undefined
      ? [{ invoiceNo: outcome.order.invoiceNo, orderId: outcome.orderId }]
      : [],
  );

  const collected = await Promise.all(
    accepted.map(({ invoiceNo, orderId }) =>
      limited(semaphore, async () => {
        const view = await readOrUndefined(() => api.getOrder(orderId));
        const items = await readOrUndefined(() =>
          api.getNotifications(orderId),
        );
        const templates = items === undefined ? undefined : templatesOf(items);
        return { invoiceNo, orderId, view, templates };
      }),
    ),
  );

  const levels = await Promise.all(
    skus.map((sku) =>
      limited(semaphore, async () => {
        const available = await readOrUndefined(() => api.getStock(sku));
        return [sku, available] as const;
      }),
    ),
  );
  return { orders: collected, finalStock: new Map(levels) };
}

/** Runs a read; no response at all counts as an unreadable value. */
async function readOrUndefined<T>(
  read: () => Promise<T | undefined>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof PlatformRequestError) {
      return undefined;
    }
    throw error;
  }
}

async function limited<T>(
  semaphore: Semaphore,
  task: () => Promise<T>,
): Promise<T> {
  await semaphore.acquire();
  try {
    return await task();
  } finally {
    semaphore.release();
  }
}
