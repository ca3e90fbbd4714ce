import { setTimeout as sleep } from 'node:timers/promises';
import { PlatformRequestError } from './errors';
import type {
  PlannedCancellation,
  PlannedOrder,
  ReplayPlan,
} from './plan-types';
import type { CommandResult, PlatformApi } from './platform-api';
import { Semaphore } from './semaphore';

/** The reason sent with every cancellation. */
export const CANCEL_REASON = 'cancellation-invoice';

export interface SendOptions {
  /** Divides the recorded gaps between invoices; undefined sends at once. */
  speed?: number;
  /** Maximum requests in flight. */
  concurrency: number;
}

/** Outcome of one sale invoice's `POST /orders`. */
export interface OrderOutcome {
  order: PlannedOrder;
  /** HTTP status, or undefined when no response came back. */
  status: number | undefined;
  orderId?: string;
  message?: string;
}

/** Outcome of one C invoice's cancel. */
export interface CancellationOutcome {
  cancellation: PlannedCancellation;
  /** Undefined when the cancel was not sent or got no response. */
  status: number | undefined;
  /** Why the cancel was not sent: its target order was not accepted. */
  notSent?: string;
  orderId?: string;
}

/** Counters that the progress line reads while the replay runs. */
export interface SendProgress {
  ordersSent: number;
  ordersAccepted: number;
  cancelsSent: number;
  cancelsAccepted: number;
  noResponse: number;
}

export interface SendResult {
  orders: OrderOutcome[];
  cancellations: CancellationOutcome[];
}

type TimelineEntry =
  | { kind: 'order'; invoice: PlannedOrder }
  | { kind: 'cancel'; invoice: PlannedCancellation };

/**
 * Sends every invoice in InvoiceDate order: a sale as `POST /orders`, a C
 * invoice as a cancel of its target's order once the target's own request
 * has finished. With `speed`, each invoice waits for its recorded offset
 * from the first invoice divided by `speed`. In both modes `concurrency`
 * caps the requests in flight, so a slow platform delays the schedule.
 */
export async function sendInvoices(
  plan: ReplayPlan,
  api: PlatformApi,
  options: SendOptions,
  progress: SendProgress = newSendProgress(),
): Promise<SendResult> {
  const timeline = buildTimeline(plan);
  const semaphore = new Semaphore(options.concurrency);
  const orderResults = new Map<string, Promise<OrderOutcome>>();
  const cancellations: Promise<CancellationOutcome>[] = [];
  const firstTimeMs = timeline[0]?.invoice.timeMs ?? 0;
  const startedAt = Date.now();

  for (const entry of timeline) {
    if (options.speed !== undefined) {
      const dueAt =
        startedAt + (entry.invoice.timeMs - firstTimeMs) / options.speed;
      await sleep(Math.max(0, dueAt - Date.now()));
    }
    await semaphore.acquire();

    if (entry.kind === 'order') {
      const result = placeOrder(api, entry.invoice, progress);
      orderResults.set(entry.invoice.invoiceNo, result);
      releaseWhenSettled(result, semaphore);
    } else {
      const target = orderResults.get(entry.invoice.targetInvoiceNo);
      const result = cancelOrder(api, entry.invoice, target, progress);
      cancellations.push(result);
      releaseWhenSettled(result, semaphore);
    }
  }

  return {
    orders: await Promise.all(orderResults.values()),
    cancellations: await Promise.all(cancellations),
  };
}

function releaseWhenSettled(task: Promise<unknown>, semaphore: Semaphore) {
  const release = () => semaphore.release();
  // Failures surface through Promise.all in sendInvoices, not here.
  void task.then(release, release);
}

export function newSendProgress(): SendProgress {
  return {
    ordersSent: 0,
    ordersAccepted: 0,
    cancelsSent: 0,
    cancelsAccepted: 0,
    noResponse: 0,
  };
}

/** Orders sales and cancellations by InvoiceDate, then file position. */
export function buildTimeline(plan: ReplayPlan): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...plan.orders.map((invoice) => ({ kind: 'order' as const, invoice })),
    ...plan.cancellations.map((invoice) => ({
      kind: 'cancel' as const,
      invoice,
    })),
  ];
  return entries.sort(
    (a, b) =>
      a.invoice.timeMs - b.invoice.timeMs ||
      a.invoice.sequence - b.invoice.sequence,
  );
}

async function placeOrder(
  api: PlatformApi,
  order: PlannedOrder,
  progress: SendProgress,
): Promise<OrderOutcome> {
  progress.ordersSent += 1;
  const result = await send(() => api.placeOrder(order), progress);
  if (result.status === 201) {
    progress.ordersAccepted += 1;
  }
  return { order, ...result };
}

async function cancelOrder(
  api: PlatformApi,
  cancellation: PlannedCancellation,
  target: Promise<OrderOutcome> | undefined,
  progress: SendProgress,
): Promise<CancellationOutcome> {
  const targetOutcome = await target;
  const orderId = targetOutcome?.orderId;
  if (targetOutcome?.status !== 201 || orderId === undefined) {
    return {
      cancellation,
      status: undefined,
      notSent: `order ${cancellation.targetInvoiceNo} was not accepted`,
    };
  }

  progress.cancelsSent += 1;
  const result = await send(
    () => api.cancelOrder(orderId, CANCEL_REASON),
    progress,
  );
  if (result.status === 200) {
    progress.cancelsAccepted += 1;
  }
  return { cancellation, status: result.status, orderId };
}

/** Runs a request; a request without any response becomes status undefined. */
async function send(
  request: () => Promise<CommandResult>,
  progress: SendProgress,
): Promise<Omit<CommandResult, 'status'> & { status: number | undefined }> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof PlatformRequestError)) {
      throw error;
    }
    progress.noResponse += 1;
    return { status: undefined, message: error.message };
  }
}
