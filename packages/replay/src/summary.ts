import {
  capacityTotals,
  type MeterSnapshot,
  type MeterUsage,
  total,
  usageBetween,
} from './meter';
import {
  checkNotifications,
  type NotificationCheck,
  wasConfirmedBeforeCancel,
} from './notification-check';
import type { ReplayPlan } from './plan-types';
import type { BulkResult, OrderView } from './platform-api';
import type { SendResult } from './send-invoices';
import { SKIP_REASONS, type SkippedRow, type SkipReason } from './skip-reasons';
import { checkStock, type StockCheck } from './stock-check';

/** An accepted order's state after the platform drained. */
export interface CollectedOrder {
  invoiceNo: string;
  orderId: string;
  /** Undefined when `GET /orders/{orderId}` failed. */
  view: OrderView | undefined;
  /** Undefined when `GET /notifications/{orderId}` failed. */
  templates: string[] | undefined;
}

/** Everything a run produced, before it is summarised. */
export interface RunRecord {
  plan: ReplayPlan;
  options: { speed: number | undefined; concurrency: number };
  cloud: { httpUrl: string; startedHere: boolean };
  imports: { catalog: BulkResult[]; stock: BulkResult[] };
  sent: SendResult;
  orders: CollectedOrder[];
  finalStock: ReadonlyMap<string, number | undefined>;
  meters: {
    start: MeterSnapshot;
    afterImport: MeterSnapshot;
    afterReplay: MeterSnapshot;
    end: MeterSnapshot;
  };
  http: { errors: Map<string, Map<string, number>>; retries: number };
  timings: {
    importMs: number;
    sendMs: number;
    drainMs: number;
    collectMs: number;
    totalMs: number;
  };
}

/** The replay's report, printed and written by `--json`. */
export interface ReplaySummary {
  ok: boolean;
  /** One sentence per failed invariant; empty when `ok`. */
  failures: string[];
  input: {
    files: string[];
    stockRatio: number;
    speed: number | null;
    concurrency: number;
  };
  cloud: { httpUrl: string; startedHere: boolean };
  rows: RowSummary;
  catalog: { products: number; imported: number; failed: number };
  stock: { skus: number; updated: number; failed: number };
  orders: OrderSummary;
  cancellations: CancellationSummary;
  httpErrors: Record<string, Record<string, number>>;
  httpRetries: number;
  invocations: Record<string, number>;
  functionErrors: Record<string, number>;
  deadLetters: Record<string, number>;
  stockCheck: StockCheck;
  notifications: NotificationCheck;
  meter: {
    import: MeterUsage;
    replay: MeterUsage;
    peakMemoryBytes: number;
  };
  perOrder: PerOrderFigures;
  timings: RunRecord['timings'] & {
    ordersPerSecond: number;
  };
}

export interface RowSummary {
  read: number;
  usedAsOrderLines: number;
  usedAsCancellationLines: number;
  skipped: number;
  skippedByReason: Record<SkipReason, number>;
  /** Read rows that are neither used nor skipped; must be 0. */
  unaccounted: number;
  /** The first rows skipped for each reason. */
  skippedExamples: Partial<Record<SkipReason, SkippedRow[]>>;
}

export interface OrderSummary {
  submitted: number;
  accepted: number;
  /** Responses other than 201, by status; `none` when none came back. */
  notAccepted: Record<string, number>;
  confirmed: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  cancelled: number;
  cancelledAfterConfirmation: number;
  pending: number;
  /** Accepted orders whose final state could not be read. */
  unreadable: number;
}

export interface CancellationSummary {
  matched: number;
  sent: number;
  cancelled: number;
  /** 409: the target order had been rejected. */
  targetRejected: number;
  otherStatus: Record<string, number>;
  /** The target order was not accepted, so no cancel was sent. */
  notSent: number;
}

/** Replay-phase figures divided by the orders submitted. */
export interface PerOrderFigures {
  invocations: number;
  /** Lambda duration times memory, from local timings. */
  lambdaGbSeconds: number;
  /** The part of lambdaGbSeconds spent in queue consumers. */
  consumerGbSeconds: number;
  dynamodbReadUnits: number;
  dynamodbWriteUnits: number;
  sqsRequests: number;
  eventBridgeEntries: number;
}

const EXAMPLES_PER_REASON = 3;

/** Turns a run's raw results into the summary and checks the invariants. */
export function summarize(record: RunRecord): ReplaySummary {
  const replay = usageBetween(
    record.meters.afterImport,
    record.meters.afterReplay,
  );
  const orders = summarizeOrders(record);
  const rows = summarizeRows(record.plan);
  const stockCheck = checkStock(
    record.plan.initialStock,
    finalOrders(record),
    record.finalStock,
  );
  const notifications = checkNotifications(
    readableOrders(record).map(({ order, view }) => ({
      orderId: view.orderId,
      status: view.status,
      templates: order.templates,
    })),
  );
  const deadLetters = Object.fromEntries(
    Object.entries(record.meters.end.queues).map(([name, depth]) => [
      name,
      depth.deadLetters,
    ]),
  );
  const sendSeconds = (record.timings.sendMs + record.timings.drainMs) / 1000;

  const summary: ReplaySummary = {
    ok: true,
    failures: [],
    input: {
      files: record.plan.files,
      stockRatio: record.plan.stockRatio,
      speed: record.options.speed ?? null,
      concurrency: record.options.concurrency,
    },
    cloud: record.cloud,
    rows,
    catalog: {
      products: record.plan.catalog.length,
      imported: sumWritten(record.imports.catalog),
      failed: sumFailed(record.imports.catalog),
    },
    stock: {
      skus: record.plan.initialStock.length,
      updated: sumWritten(record.imports.stock),
      failed: sumFailed(record.imports.stock),
    },
    orders,
    cancellations: summarizeCancellations(record.sent),
    httpErrors: toRecords(record.http.errors),
    httpRetries: record.http.retries,
    invocations: replay.invocations,
    functionErrors: replay.functionErrors,
    deadLetters,
    stockCheck,
    notifications,
    meter: {
      import: usageBetween(record.meters.start, record.meters.afterImport),
      replay,
      peakMemoryBytes: record.meters.end.memory.peakBytes,
    },
    perOrder: perOrder(replay, orders.submitted),
    timings: {
      ...record.timings,
      ordersPerSecond: sendSeconds > 0 ? orders.submitted / sendSeconds : 0,
    },
  };
  summary.failures = findFailures(summary);
  summary.ok = summary.failures.length === 0;
  return summary;
}

/** Lists every invariant the run broke, in words. */
export function findFailures(summary: ReplaySummary): string[] {
  const failures: string[] = [];
  const { rows, orders, stockCheck, notifications } = summary;
  if (rows.unaccounted !== 0) {
    failures.push(`${rows.unaccounted} rows are neither used nor skipped`);
  }
  if (orders.pending > 0) {
    failures.push(`${orders.pending} accepted orders are still PENDING`);
  }
  if (orders.unreadable > 0) {
    failures.push(`${orders.unreadable} accepted orders could not be read`);
  }
  if (stockCheck.mismatchCount > 0) {
    failures.push(
      `${stockCheck.mismatchCount} SKUs have a final stock other than initial - reserved + released (when the local cloud already held orders from an earlier run, restart it and replay again)`,
    );
  }
  const deadLetters = total(summary.deadLetters);
  if (deadLetters > 0) {
    failures.push(`${deadLetters} messages are in dead-letter queues`);
  }
  if (notifications.mismatchCount > 0) {
    failures.push(
      `${notifications.mismatchCount} orders have other notifications than one per terminal transition`,
    );
  }
  return failures;
}

function summarizeRows(plan: ReplayPlan): RowSummary {
  const skippedByReason = Object.fromEntries(
    SKIP_REASONS.map((reason) => [reason, 0]),
  ) as Record<SkipReason, number>;
  const skippedExamples: RowSummary['skippedExamples'] = {};
  for (const row of plan.skipped) {
    skippedByReason[row.reason] += 1;
    const examples = skippedExamples[row.reason] ?? [];
    if (examples.length < EXAMPLES_PER_REASON) {
      examples.push(row);
    }
    skippedExamples[row.reason] = examples;
  }

  const used = plan.orderRowsUsed + plan.cancellationRowsUsed;
  return {
    read: plan.rowsRead,
    usedAsOrderLines: plan.orderRowsUsed,
    usedAsCancellationLines: plan.cancellationRowsUsed,
    skipped: plan.skipped.length,
    skippedByReason,
    unaccounted: plan.rowsRead - used - plan.skipped.length,
    skippedExamples,
  };
}

function summarizeOrders(record: RunRecord): OrderSummary {
  const summary: OrderSummary = {
    submitted: record.sent.orders.length,
    accepted: 0,
    notAccepted: {},
    confirmed: 0,
    rejected: 0,
    rejectedByReason: {},
    cancelled: 0,
    cancelledAfterConfirmation: 0,
    pending: 0,
    unreadable: 0,
  };
  for (const outcome of record.sent.orders) {
    if (outcome.status === 201) {
      summary.accepted += 1;
    } else {
      increment(summary.notAccepted, String(outcome.status ?? 'none'));
    }
  }

  for (const order of record.orders) {
    countFinalState(summary, order);
  }
  // A 201 without an orderId leaves nothing to read back.
  summary.unreadable += summary.accepted - record.orders.length;
  return summary;
}

function countFinalState(summary: OrderSummary, order: CollectedOrder) {
  const view = order.view;
  if (view === undefined) {
    summary.unreadable += 1;
    return;
  }
  switch (view.status) {
    case 'CONFIRMED':
      summary.confirmed += 1;
      return;
    case 'REJECTED':
      summary.rejected += 1;
      increment(summary.rejectedByReason, view.rejection?.reason ?? 'unknown');
      return;
    case 'CANCELLED':
      summary.cancelled += 1;
      if (order.templates?.includes('order-confirmed')) {
        summary.cancelledAfterConfirmation += 1;
      }
      return;
    default:
      summary.pending += 1;
  }
}

function summarizeCancellations(sent: SendResult): CancellationSummary {
  const summary: CancellationSummary = {
    matched: sent.cancellations.length,
    sent: 0,
    cancelled: 0,
    targetRejected: 0,
    otherStatus: {},
    notSent: 0,
  };
  for (const outcome of sent.cancellations) {
    if (outcome.notSent !== undefined) {
      summary.notSent += 1;
      continue;
    }
    summary.sent += 1;
    if (outcome.status === 200) {
      summary.cancelled += 1;
    } else if (outcome.status === 409) {
      summary.targetRejected += 1;
    } else {
      increment(summary.otherStatus, String(outcome.status ?? 'none'));
    }
  }
  return summary;
}

function readableOrders(record: RunRecord) {
  return record.orders.flatMap((order) =>
    order.view === undefined ? [] : [{ order, view: order.view }],
  );
}

function finalOrders(record: RunRecord) {
  const linesByInvoice = new Map(
    record.plan.orders.map((order) => [order.invoiceNo, order.lines]),
  );
  return readableOrders(record).map(({ order, view }) => ({
    lines: linesByInvoice.get(order.invoiceNo) ?? [],
    status: view.status,
    confirmedBeforeCancel: wasConfirmedBeforeCancel({
      orderId: view.orderId,
      status: view.status,
      templates: order.templates,
    }),
  }));
}

function sumWritten(results: BulkResult[]): number {
  return results.reduce((sum, result) => sum + result.written, 0);
}

function sumFailed(results: BulkResult[]): number {
  return results.reduce((sum, result) => sum + result.failed.length, 0);
}

function perOrder(usage: MeterUsage, orders: number): PerOrderFigures {
  const divide = (value: number) => (orders > 0 ? value / orders : 0);
  const capacity = capacityTotals(usage);
  return {
    invocations: divide(total(usage.invocations)),
    lambdaGbSeconds: divide(total(usage.lambdaGbSeconds)),
    consumerGbSeconds: divide(
      total(
        Object.fromEntries(
          Object.entries(usage.lambdaGbSeconds).filter(([name]) =>
            name.endsWith('-consumer'),
          ),
        ),
      ),
    ),
    dynamodbReadUnits: divide(capacity.readUnits),
    dynamodbWriteUnits: divide(capacity.writeUnits),
    sqsRequests: divide(total(usage.sqsRequests)),
    eventBridgeEntries: divide(usage.eventBridge.entries),
  };
}

function toRecords(
  errors: Map<string, Map<string, number>>,
): Record<string, Record<string, number>> {
  return Object.fromEntries(
    [...errors].map(([label, byStatus]) => [
      label,
      Object.fromEntries(byStatus),
    ]),
  );
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
