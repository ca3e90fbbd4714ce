import type { InvoiceRows } from './classify-rows';
import type { PlannedCancellation } from './plan-types';
import type { SkippedRow, SkipReason } from './skip-reasons';

/**
 * Applies the cancellation rule. A C invoice cancels the most recent
 * earlier sale invoice of the same customer that contains at least one of
 * its StockCodes and that no earlier C invoice already cancels. "Earlier"
 * compares InvoiceDate, then the position in the files. A guest C invoice,
 * or one without such a sale, is skipped row by row.
 */
export function matchCancellations(
  sales: InvoiceRows[],
  cancellations: InvoiceRows[],
  skipped: SkippedRow[],
): PlannedCancellation[] {
  const salesByCustomer = groupSalesByCustomer(sales);
  const cancelled = new Set<string>();
  const matched: PlannedCancellation[] = [];

  for (const cancellation of [...cancellations].sort(compareInvoices)) {
    if (cancellation.rawCustomerId === '') {
      skipAll(cancellation, 'GUEST_CANCELLATION', 'guest C invoice');
      continue;
    }

    const target = findTarget(
      cancellation,
      salesByCustomer.get(cancellation.rawCustomerId) ?? [],
      cancelled,
    );
    if (target === undefined) {
      skipAll(
        cancellation,
        'CANCELLATION_WITHOUT_MATCH',
        `no earlier uncancelled order of ${cancellation.rawCustomerId} contains these StockCodes`,
      );
      continue;
    }

    cancelled.add(target.invoice.invoiceNo);
    matched.push({
      ...cancellation.invoice,
      targetInvoiceNo: target.invoice.invoiceNo,
    });
  }
  return matched;

  function skipAll(invoice: InvoiceRows, reason: SkipReason, text: string) {
    for (const row of invoice.rows) {
      skipped.push({
        file: row.file,
        line: row.line,
        reason,
        detail: `${text} (${invoice.invoice.invoiceNo})`,
      });
    }
  }
}

function groupSalesByCustomer(sales: InvoiceRows[]) {
  const byCustomer = new Map<string, InvoiceRows[]>();
  for (const sale of [...sales].sort(compareInvoices)) {
    if (sale.rawCustomerId === '') {
      continue;
    }
    const list = byCustomer.get(sale.rawCustomerId) ?? [];
    list.push(sale);
    byCustomer.set(sale.rawCustomerId, list);
  }
  return byCustomer;
}

function findTarget(
  cancellation: InvoiceRows,
  customerSales: InvoiceRows[],
  cancelled: Set<string>,
): InvoiceRows | undefined {
  const skus = new Set(cancellation.invoice.lines.map((line) => line.sku));

  for (let i = customerSales.length - 1; i >= 0; i -= 1) {
    const sale = customerSales[i];
    if (sale === undefined || compareInvoices(sale, cancellation) >= 0) {
      continue;
    }
    const shares = sale.invoice.lines.some((line) => skus.has(line.sku));
    if (shares && !cancelled.has(sale.invoice.invoiceNo)) {
      return sale;
    }
  }
  return undefined;
}

/** Orders invoices by InvoiceDate, then by position in the files. */
export function compareInvoices(
  a: { invoice: { timeMs: number; sequence: number } },
  b: { invoice: { timeMs: number; sequence: number } },
): number {
  return (
    a.invoice.timeMs - b.invoice.timeMs ||
    a.invoice.sequence - b.invoice.sequence
  );
}
