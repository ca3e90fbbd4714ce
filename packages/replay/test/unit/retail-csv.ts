import { parseCsv } from '../../src/csv-parser';
import { buildReplayPlan } from '../../src/load-plan';
import { RETAIL_COLUMNS } from '../../src/retail-row';
import { quoteField } from '../../src/sample-file';

/** One CSV row; fields left out take the defaults below. */
export interface RowInput {
  invoice: string;
  code?: string;
  description?: string;
  quantity?: number;
  date?: string;
  price?: string;
  customer?: string;
}

/** Builds an Online Retail file's text from rows. */
export function retailCsv(rows: RowInput[]): string {
  const lines = rows.map((row) =>
    [
      row.invoice,
      row.code ?? '85123A',
      row.description ?? 'WHITE HANGING HEART T-LIGHT HOLDER',
      String(row.quantity ?? 6),
      row.date ?? '2010-12-01 08:26:00',
      row.price ?? '2.55',
      row.customer ?? 'C00001',
      'United Kingdom',
    ]
      .map(quoteField)
      .join(','),
  );
  return `${[RETAIL_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Plans a replay of one in-memory file named `day.csv`. */
export function planOf(rows: RowInput[], stockRatio = 0.9) {
  return buildReplayPlan(
    [{ file: 'day.csv', records: parseCsv(retailCsv(rows)) }],
    stockRatio,
  );
}
