import type { CsvRecord } from './csv-parser';

/** The Online Retail columns, in file order. */
export const RETAIL_COLUMNS = [
  'InvoiceNo',
  'StockCode',
  'Description',
  'Quantity',
  'InvoiceDate',
  'UnitPrice',
  'CustomerID',
  'Country',
] as const;

/** One valid data row of an Online Retail file. */
export interface RetailRow {
  file: string;
  line: number;
  invoiceNo: string;
  isCancellation: boolean;
  stockCode: string;
  description: string;
  quantity: number;
  /** InvoiceDate as written, UK local time. */
  invoiceDate: string;
  /** InvoiceDate read as UTC; only differences between rows are used. */
  timeMs: number;
  /** UnitPrice in pence, rounded half up when it has more than 2 decimals. */
  unitPrice: number;
  /** The CustomerID pseudonym, or '' for a guest checkout. */
  customerId: string;
}

export type ParsedRow =
  | { ok: true; row: RetailRow }
  | { ok: false; detail: string };

const INVOICE_NO = /^(C?)\d+$/;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Reports whether a record is the Online Retail header row. */
export function isRetailHeader(record: CsvRecord): boolean {
  return (
    record.fields.length === RETAIL_COLUMNS.length &&
    record.fields.every((field, i) => field.trim() === RETAIL_COLUMNS[i])
  );
}

/** Checks and converts one data record; invalid ones get a detail. */
export function parseRetailRow(record: CsvRecord, file: string): ParsedRow {
  if (record.malformed !== undefined) {
    return { ok: false, detail: record.malformed };
  }
  if (record.fields.length !== RETAIL_COLUMNS.length) {
    return {
      ok: false,
      detail: `expected ${RETAIL_COLUMNS.length} fields, found ${record.fields.length}`,
    };
  }

  const [invoiceNo, stockCode, description, quantity, date, price, customer] =
    record.fields.map((field) => field.trim());
  const invoice = INVOICE_NO.exec(invoiceNo ?? '');
  if (!invoice) {
    return {
      ok: false,
      detail: `invalid InvoiceNo "${invoiceNo}": expected digits, optionally prefixed by C`,
    };
  }
  if (!stockCode) {
    return { ok: false, detail: 'empty StockCode' };
  }
  if (!INTEGER.test(quantity ?? '')) {
    return { ok: false, detail: `invalid Quantity "${quantity}"` };
  }
  const timeMs = parseInvoiceDate(date ?? '');
  if (timeMs === undefined) {
    return {
      ok: false,
      detail: `invalid InvoiceDate "${date}": expected YYYY-MM-DD HH:MM:SS`,
    };
  }
  const unitPrice = parsePence(price ?? '');
  if (unitPrice === undefined) {
    return { ok: false, detail: `invalid UnitPrice "${price}"` };
  }

  return {
    ok: true,
    row: {
      file,
      line: record.line,
      invoiceNo: invoiceNo ?? '',
      isCancellation: invoice[1] === 'C',
      stockCode,
      description: description ?? '',
      quantity: Number(quantity),
      invoiceDate: date ?? '',
      timeMs,
      unitPrice,
      customerId: customer ?? '',
    },
  };
}

/** Reads "YYYY-MM-DD HH:MM:SS" as UTC milliseconds; undefined if invalid. */
export function parseInvoiceDate(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) {
    return undefined;
  }

  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map(Number) as [number, number, number, number, number, number];
  const timeMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(timeMs);
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  return valid ? timeMs : undefined;
}

/**
 * Converts a decimal GBP amount such as "2.55" to pence (255) without
 * floating-point arithmetic. More than two decimals round half up, away
 * from zero. Returns undefined when the text is not a decimal number.
 */
export function parsePence(text: string): number | undefined {
  const match = DECIMAL.exec(text);
  if (!match) {
    return undefined;
  }

  const [, sign = '', whole = '0', fraction = ''] = match;
  const padded = fraction.padEnd(3, '0');
  let pence = Number(whole) * 100 + Number(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) {
    pence += 1;
  }
  return sign === '-' && pence !== 0 ? -pence : pence;
}
