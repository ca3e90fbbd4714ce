import { basename } from 'node:path';
import { buildCatalog, buildInitialStock } from './build-catalog';
import { classifyRows } from './classify-rows';
import { type CsvRecord, readCsvFile } from './csv-parser';
import { InputFileError } from './errors';
import { matchCancellations } from './match-cancellations';
import type { ReplayPlan } from './plan-types';
import {
  isRetailHeader,
  parseRetailRow,
  RETAIL_COLUMNS,
  type RetailRow,
} from './retail-row';
import type { SkippedRow } from './skip-reasons';

/** Default share of the ordered quantity that each SKU starts with. */
export const DEFAULT_STOCK_RATIO = 0.9;

/** The records of one input file; `file` names it in skipped rows. */
export interface RecordSource {
  file: string;
  records: Iterable<CsvRecord> | AsyncIterable<CsvRecord>;
}

/** Reads Online Retail files and derives what the replay sends. */
export async function loadReplayPlan(
  paths: string[],
  stockRatio = DEFAULT_STOCK_RATIO,
): Promise<ReplayPlan> {
  const sources = paths.map((path) => ({
    file: basename(path),
    records: readCsvFile(path),
  }));
  return buildReplayPlan(sources, stockRatio);
}

/**
 * Parses and classifies the records of each source in order, matches
 * cancellations, then builds the catalog and initial stock from the
 * orders. Throws InputFileError when a source lacks the header row.
 */
export async function buildReplayPlan(
  sources: RecordSource[],
  stockRatio = DEFAULT_STOCK_RATIO,
): Promise<ReplayPlan> {
  const rows: RetailRow[] = [];
  const skipped: SkippedRow[] = [];
  let rowsRead = 0;

  for (const source of sources) {
    rowsRead += await readSource(source, rows, skipped).catch(
      (error: unknown) => {
        throw toInputFileError(source.file, error);
      },
    );
  }

  const classified = classifyRows(rows);
  skipped.push(...classified.skipped);
  const cancellations = matchCancellations(
    classified.sales,
    classified.cancellations,
    skipped,
  );
  const orders = classified.sales.map((sale) => sale.invoice);
  const cancellationRowsUsed = cancellations.reduce(
    (sum, cancellation) => sum + cancellation.lines.length,
    0,
  );

  return {
    files: sources.map((source) => source.file),
    rowsRead,
    orderRowsUsed: orders.reduce((sum, order) => sum + order.lines.length, 0),
    cancellationRowsUsed,
    skipped,
    orders,
    cancellations,
    catalog: buildCatalog(classified.sales.flatMap((sale) => sale.rows)),
    initialStock: buildInitialStock(orders, stockRatio),
    stockRatio,
  };
}

/** Names the file in read errors such as ENOENT; passes others through. */
function toInputFileError(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof Error && typeof code === 'string') {
    return new InputFileError(file, `cannot be read: ${error.message}`, {
      cause: error,
    });
  }
  return error;
}

async function readSource(
  source: RecordSource,
  rows: RetailRow[],
  skipped: SkippedRow[],
): Promise<number> {
  let sawHeader = false;
  let count = 0;

  for await (const record of source.records) {
    if (!sawHeader) {
      if (!isRetailHeader(record)) {
        throw new InputFileError(
          source.file,
          `line ${record.line} is not the Online Retail header: expected ${RETAIL_COLUMNS.join(',')}`,
        );
      }
      sawHeader = true;
      continue;
    }

    count += 1;
    const parsed = parseRetailRow(record, source.file);
    if (parsed.ok) {
      rows.push(parsed.row);
    } else {
      skipped.push({
        file: source.file,
        line: record.line,
        reason: 'MALFORMED',
        detail: parsed.detail,
      });
    }
  }

  if (!sawHeader) {
    throw new InputFileError(source.file, 'the file is empty');
  }
  return count;
}
