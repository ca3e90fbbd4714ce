import { capacityTotals, total } from './meter';
import type { ReplaySummary } from './summary';

/** Renders the summary as plain text for a terminal. */
export function formatSummary(summary: ReplaySummary): string {
  const { rows, orders, cancellations, stockCheck, notifications } = summary;
  const replay = summary.meter.replay;
  const capacity = capacityTotals(replay);
  const skipped = Object.entries(rows.skippedByReason)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');

  const lines = [
    `Replay of ${summary.input.files.join(', ')}`,
    `  rows: ${rows.read} read, ${rows.usedAsOrderLines} order lines, ${rows.usedAsCancellationLines} cancellation lines, ${rows.skipped} skipped, ${rows.unaccounted} unaccounted`,
    `  skipped by reason: ${skipped || 'none'}`,
    `  catalog: ${summary.catalog.imported}/${summary.catalog.products} imported; stock: ${summary.stock.updated}/${summary.stock.skus} set`,
    `  orders: ${orders.submitted} submitted, ${orders.accepted} accepted, ${orders.confirmed} confirmed, ${orders.rejected} rejected ${formatCounts(orders.rejectedByReason)}, ${orders.cancelled} cancelled, ${orders.pending} pending, ${orders.unreadable} unreadable`,
    `  not accepted: ${formatCounts(orders.notAccepted)}`,
    `  cancellations: ${cancellations.matched} matched, ${cancellations.sent} sent, ${cancellations.cancelled} cancelled, ${cancellations.targetRejected} on rejected orders (409), ${cancellations.notSent} not sent`,
    `  HTTP errors: ${formatNested(summary.httpErrors)}; retries ${summary.httpRetries}`,
    `  invocations: ${formatCounts(summary.invocations)}`,
    `  dead letters: ${total(summary.deadLetters)} ${formatCounts(summary.deadLetters)}`,
    `  stock check: ${stockCheck.skusChecked} SKUs, ${stockCheck.mismatchCount} mismatches`,
    `  notifications: ${notifications.delivered} delivered, ${notifications.expected} expected, ${notifications.mismatchCount} orders differ`,
    `  meter (replay phase): DynamoDB ${capacity.readUnits.toFixed(1)} RCU, ${capacity.writeUnits.toFixed(1)} WCU; SQS ${total(replay.sqsRequests)} requests; EventBridge ${replay.eventBridge.entries} entries; peak memory ${(summary.meter.peakMemoryBytes / 2 ** 20).toFixed(0)} MiB`,
    `  per order: ${summary.perOrder.invocations.toFixed(2)} invocations, ${summary.perOrder.lambdaGbSeconds.toFixed(3)} Lambda GB-s, ${summary.perOrder.dynamodbWriteUnits.toFixed(2)} WCU, ${summary.perOrder.dynamodbReadUnits.toFixed(2)} RCU`,
    `  time: ${(summary.timings.totalMs / 1000).toFixed(1)} s wall, ${summary.timings.ordersPerSecond.toFixed(1)} orders/s`,
  ];
  for (const row of summary.rows.skippedExamples.MALFORMED ?? []) {
    lines.push(`  malformed row ${row.file}:${row.line}: ${row.detail}`);
  }
  for (const mismatch of stockCheck.firstMismatches) {
    lines.push(
      `  stock mismatch ${mismatch.sku}: expected ${mismatch.expected} (initial ${mismatch.initial} - reserved ${mismatch.reserved} + released ${mismatch.released}), found ${mismatch.actual ?? 'no level'}`,
    );
  }
  lines.push(
    summary.ok
      ? 'All invariants hold.'
      : `FAILED: ${summary.failures.join('; ')}`,
  );
  return `${lines.join('\n')}\n`;
}

function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).filter(([, count]) => count !== 0);
  if (entries.length === 0) {
    return '(none)';
  }
  return `(${entries.map(([key, count]) => `${key} ${count}`).join(', ')})`;
}

function formatNested(counts: Record<string, Record<string, number>>): string {
  const entries = Object.entries(counts);
  if (entries.length === 0) {
    return 'none';
  }
  return entries
    .map(([label, byStatus]) => `${label} ${formatCounts(byStatus)}`)
    .join(', ');
}
