import type { PlannedInvoice } from './plan-types';
import type { RetailRow } from './retail-row';
import {
  MAX_LINE_QUANTITY,
  MAX_ORDER_LINES,
  type SkippedRow,
  type SkipReason,
} from './skip-reasons';

/** Customer id sent for invoices without a CustomerID. */
export const GUEST_CUSTOMER_ID = 'guest';

/**
 * Product StockCodes are five digits with up to two letters (85123A,
 * 15056BL). Everything else (POST, DOT, M, C2, D, AMAZONFEE, BANK CHARGES,
 * S, DCGS0076, gift_0001_40) is postage, a fee, a manual adjustment or a
 * voucher, not a product.
 */
const PRODUCT_CODE = /^\d{5}[A-Za-z]{0,2}$/;

/** The rows of one invoice that passed the row checks. */
export interface InvoiceRows {
  invoice: PlannedInvoice;
  rows: RetailRow[];
  isCancellation: boolean;
  /** The CustomerID as written, '' for a guest. */
  rawCustomerId: string;
}

/** Valid rows grouped by InvoiceNo, each row either kept or skipped. */
export interface RowClassification {
  sales: InvoiceRows[];
  cancellations: InvoiceRows[];
  skipped: SkippedRow[];
}

/** Reports whether a StockCode names a product. */
export function isProductCode(stockCode: string): boolean {
  return PRODUCT_CODE.test(stockCode);
}

/**
 * Groups rows by InvoiceNo (first-seen order) and applies the per-row
 * rules. Cancellation matching happens later, on whole invoices.
 */
export function classifyRows(rows: RetailRow[]): RowClassification {
  const result: RowClassification = {
    sales: [],
    cancellations: [],
    skipped: [],
  };

  for (const group of groupByInvoice(rows)) {
    const kept = keepValidRows(group, result.skipped);
    if (kept === undefined) {
      continue;
    }
    if (kept.isCancellation) {
      result.cancellations.push(kept);
    } else {
      result.sales.push(kept);
    }
  }
  return result;
}

function groupByInvoice(
  rows: RetailRow[],
): { rows: RetailRow[]; sequence: number }[] {
  const groups = new Map<string, { rows: RetailRow[]; sequence: number }>();
  rows.forEach((row, index) => {
    const group = groups.get(row.invoiceNo);
    if (group) {
      group.rows.push(row);
    } else {
      groups.set(row.invoiceNo, { rows: [row], sequence: index });
    }
  });
  return [...groups.values()];
}

function keepValidRows(
  group: { rows: RetailRow[]; sequence: number },
  skipped: SkippedRow[],
): InvoiceRows | undefined {
  const [first] = group.rows;
  if (first === undefined) {
    return undefined;
  }

  const kept: RetailRow[] = [];
  for (const row of group.rows) {
    const rejection = first.isCancellation
      ? checkCancellationRow(row, first)
      : checkSaleRow(row, first, kept.length);
    if (rejection) {
      skipped.push({ file: row.file, line: row.line, ...rejection });
    } else {
      kept.push(row);
    }
  }
  if (kept.length === 0) {
    return undefined;
  }

  return {
    invoice: {
      invoiceNo: first.invoiceNo,
      customerId: first.customerId || GUEST_CUSTOMER_ID,
      invoiceDate: first.invoiceDate,
      timeMs: first.timeMs,
      sequence: group.sequence,
      lines: kept.map((row) => ({
        sku: row.stockCode,
        quantity: Math.abs(row.quantity),
      })),
    },
    rows: kept,
    isCancellation: first.isCancellation,
    rawCustomerId: first.customerId,
  };
}

type Rejection = { reason: SkipReason; detail: string };

function checkSaleRow(
  row: RetailRow,
  first: RetailRow,
  keptLines: number,
): Rejection | undefined {
  return (
    checkCommon(row, first) ??
    (row.quantity <= 0
      ? reject('NON_POSITIVE_QUANTITY', `Quantity ${row.quantity}`)
      : undefined) ??
    (row.quantity > MAX_LINE_QUANTITY
      ? reject(
          'QUANTITY_OVER_LIMIT',
          `Quantity ${row.quantity} exceeds the order line limit of ${MAX_LINE_QUANTITY}`,
        )
      : undefined) ??
    (row.unitPrice <= 0
      ? reject('NON_POSITIVE_PRICE', `UnitPrice ${row.unitPrice} pence`)
      : undefined) ??
    (keptLines >= MAX_ORDER_LINES
      ? reject(
          'LINE_LIMIT_EXCEEDED',
          `invoice ${row.invoiceNo} has more than ${MAX_ORDER_LINES} usable lines`,
        )
      : undefined)
  );
}

function checkCancellationRow(
  row: RetailRow,
  first: RetailRow,
): Rejection | undefined {
  return (
    checkCommon(row, first) ??
    (row.quantity >= 0
      ? reject(
          'NON_NEGATIVE_CANCELLATION_QUANTITY',
          `Quantity ${row.quantity} in cancellation ${row.invoiceNo}`,
        )
      : undefined) ??
    (-row.quantity > MAX_LINE_QUANTITY
      ? reject(
          'QUANTITY_OVER_LIMIT',
          `Quantity ${row.quantity} exceeds the order line limit of ${MAX_LINE_QUANTITY}`,
        )
      : undefined)
  );
}

function checkCommon(row: RetailRow, first: RetailRow): Rejection | undefined {
  if (!isProductCode(row.stockCode)) {
    return reject('NON_PRODUCT_CODE', `StockCode "${row.stockCode}"`);
  }
  if (row.customerId !== first.customerId) {
    return reject(
      'CUSTOMER_MISMATCH',
      `CustomerID "${row.customerId}" differs from "${first.customerId}" on the invoice's first row`,
    );
  }
  return undefined;
}

function reject(reason: SkipReason, detail: string): Rejection {
  return { reason, detail };
}
