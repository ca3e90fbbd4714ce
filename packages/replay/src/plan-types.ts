import type { SkippedRow } from './skip-reasons';

/** A line of an order or a cancellation, as sent to the platform. */
export interface OrderLine {
  sku: string;
  quantity: number;
}

/** Fields shared by every invoice the replay sends. */
export interface PlannedInvoice {
  invoiceNo: string;
  /** The CustomerID pseudonym, or `guest` for a guest checkout. */
  customerId: string;
  /** InvoiceDate of the invoice's first row, as written. */
  invoiceDate: string;
  timeMs: number;
  /** Position of the invoice's first row among all rows read. */
  sequence: number;
  lines: OrderLine[];
}

/** A sale invoice, sent as `POST /orders`. One line per used row. */
export type PlannedOrder = PlannedInvoice;

/** A C invoice, sent as `POST /orders/{orderId}/cancel` on its target. */
export interface PlannedCancellation extends PlannedInvoice {
  /** The sale invoice that this cancellation cancels. */
  targetInvoiceNo: string;
}

/** A product of the catalog import. */
export interface CatalogProduct {
  sku: string;
  name: string;
  price: { amount: number; currency: 'GBP' };
}

/** An initial stock level of the inventory import. */
export interface StockLevel {
  sku: string;
  available: number;
}

/** Everything the replay sends, derived from the files before it starts. */
export interface ReplayPlan {
  files: string[];
  /** Data rows read, header rows excluded. */
  rowsRead: number;
  orderRowsUsed: number;
  cancellationRowsUsed: number;
  skipped: SkippedRow[];
  orders: PlannedOrder[];
  cancellations: PlannedCancellation[];
  catalog: CatalogProduct[];
  initialStock: StockLevel[];
  stockRatio: number;
}
