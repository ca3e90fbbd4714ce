import type { LocalCloudPorts } from '@retail/local-cloud';
import { collectResults } from './collect-results';
import { PlatformRequestError } from './errors';
import { HttpClient } from './http-client';
import { loadReplayPlan } from './load-plan';
import {
  type CloudConnection,
  type CloudOverrides,
  connectLocalCloud,
} from './local-cloud-connection';
import { readMeterSnapshot } from './meter-reader';
import type { ReplayPlan } from './plan-types';
import { type BulkResult, PlatformApi } from './platform-api';
import { ProgressLine } from './progress';
import {
  newSendProgress,
  type SendProgress,
  sendInvoices,
} from './send-invoices';
import { type ReplaySummary, summarize } from './summary';

export interface ReplayOptions {
  files: string[];
  /** Divides the recorded gaps between invoices; undefined sends at once. */
  speed: number | undefined;
  concurrency: number;
  stockRatio: number;
  idleTimeoutMs: number;
  repoRoot: string;
  /** Writes the progress line and step messages to stderr. */
  verbose: boolean;
  /**
   * Start a cloud even when one runs, with these settings. An isolated
   * one runs beside a running cloud instead of refusing to start.
   */
  startOwnCloud?: { overrides?: CloudOverrides; isolated?: boolean };
  /** Ports of a cloud started here; the local cloud's defaults otherwise. */
  ports?: Partial<LocalCloudPorts>;
}

/** Items per `POST /products/import` and `PUT /stock` call (API maximum). */
export const BULK_CHUNK_SIZE = 1000;

/**
 * Replays Online Retail files through the local cloud and returns the
 * summary: loads the plan, imports catalog and stock, sends every invoice,
 * waits until the queues drain, then reads back orders, notifications,
 * stock and meters. A cloud started here is stopped before returning.
 */
export async function runReplay(
  options: ReplayOptions,
): Promise<ReplaySummary> {
  const log = (line: string) => {
    if (options.verbose) {
      process.stderr.write(`${line}\n`);
    }
  };
  const startedAt = Date.now();
  const plan = await loadReplayPlan(options.files, options.stockRatio);
  log(describePlan(plan));

  const connection = await connectLocalCloud({
    repoRoot: options.repoRoot,
    startOwn: options.startOwnCloud !== undefined,
    overrides: options.startOwnCloud?.overrides,
    isolated: options.startOwnCloud?.isolated,
    ports: options.ports,
    verbose: options.verbose,
  });
  log(
    `${connection.startedHere ? 'started a local cloud' : 'using the running local cloud'} at ${connection.httpUrl}`,
  );
  try {
    return await replayPlan(plan, connection, options, log, startedAt);
  } finally {
    await connection.stop();
  }
}

async function replayPlan(
  plan: ReplayPlan,
  connection: CloudConnection,
  options: ReplayOptions,
  log: (line: string) => void,
  startedAt: number,
): Promise<ReplaySummary> {
  const http = new HttpClient(connection.httpUrl);
  const api = new PlatformApi(http);
  const readMeter = async () => readMeterSnapshot(await connection.readStats());
  const start = await readMeter();

  const imported = await timed(async () => {
    const imports = await importCatalogAndStock(api, plan);
    await connection.waitForIdle(options.idleTimeoutMs);
    return imports;
  });
  const afterImport = await readMeter();
  log(
    `imported ${plan.catalog.length} products and ${plan.initialStock.length} stock levels`,
  );

  const sent = await timed(() => sendWithProgress(plan, api, options));

  log('waiting until every queue has drained');
  const drained = await timed(() =>
    connection.waitForIdle(options.idleTimeoutMs),
  );
  const afterReplay = await readMeter();

  const skus = plan.initialStock.map((level) => level.sku);
  const collected = await timed(() =>
    collectResults(api, sent.result.orders, skus, options.concurrency),
  );
  const end = await readMeter();

  return summarize({
    plan,
    options: { speed: options.speed, concurrency: options.concurrency },
    cloud: {
      httpUrl: connection.httpUrl,
      startedHere: connection.startedHere,
    },
    imports: imported.result,
    sent: sent.result,
    orders: collected.result.orders,
    finalStock: collected.result.finalStock,
    meters: { start, afterImport, afterReplay, end },
    http: { errors: http.errors, retries: http.retries },
    timings: {
      importMs: imported.ms,
      sendMs: sent.ms,
      drainMs: drained.ms,
      collectMs: collected.ms,
      totalMs: Date.now() - startedAt,
    },
  });
}

/** Sends every invoice, with a progress line on stderr when verbose. */
async function sendWithProgress(
  plan: ReplayPlan,
  api: PlatformApi,
  options: ReplayOptions,
) {
  const progress = newSendProgress();
  const line = new ProgressLine((elapsed) =>
    describeProgress(progress, elapsed),
  );
  if (options.verbose) {
    line.start();
  }
  try {
    return await sendInvoices(plan, api, options, progress);
  } finally {
    if (options.verbose) {
      line.stop();
    }
  }
}

async function timed<T>(
  task: () => Promise<T>,
): Promise<{ result: T; ms: number }> {
  const startedAt = Date.now();
  const result = await task();
  return { result, ms: Date.now() - startedAt };
}

/**
 * Imports the catalog, then the stock, 1000 items per call. A response
 * other than 200 or 207 stops the run: nothing after it could be checked.
 */
async function importCatalogAndStock(
  api: PlatformApi,
  plan: ReplayPlan,
): Promise<{ catalog: BulkResult[]; stock: BulkResult[] }> {
  const catalog: BulkResult[] = [];
  for (const products of chunks(plan.catalog, BULK_CHUNK_SIZE)) {
    catalog.push(
      requireBulkSuccess(
        await api.importProducts(products),
        'POST /products/import',
      ),
    );
  }

  const stock: BulkResult[] = [];
  for (const items of chunks(plan.initialStock, BULK_CHUNK_SIZE)) {
    stock.push(requireBulkSuccess(await api.putStock(items), 'PUT /stock'));
  }
  return { catalog, stock };
}

function requireBulkSuccess(result: BulkResult, label: string): BulkResult {
  if (result.status !== 200 && result.status !== 207) {
    const [method = '', path = ''] = label.split(' ');
    throw new PlatformRequestError(
      method,
      path,
      result.status,
      `returned ${result.status}: ${result.message ?? 'no message'}`,
    );
  }
  return result;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

function describePlan(plan: ReplayPlan): string {
  return `read ${plan.rowsRead} rows from ${plan.files.length} files: ${plan.orders.length} orders, ${plan.cancellations.length} cancellations, ${plan.skipped.length} rows skipped, ${plan.catalog.length} products`;
}

function describeProgress(progress: SendProgress, elapsed: string): string {
  return `orders sent ${progress.ordersSent}, accepted ${progress.ordersAccepted}; cancels sent ${progress.cancelsSent}, accepted ${progress.cancelsAccepted}; no response ${progress.noResponse}; elapsed ${elapsed}`;
}
