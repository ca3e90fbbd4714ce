import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReplay } from '../../src/run-replay';
import { writeSampleFile } from '../../src/sample-file';
import { type FakePlatform, startFakePlatform } from '../unit/fake-platform';
import { InMemoryPlatform, type PlatformFaults } from './in-memory-platform';

let folder: string;
let platform: FakePlatform | undefined;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'replay-run-'));
});

afterEach(async () => {
  await platform?.stop();
  platform = undefined;
  await rm(folder, { recursive: true, force: true });
});

/**
 * Replays the sample file against an in-memory platform that a state file
 * in a temporary repository root names as the running local cloud.
 */
async function replaySample(faults: PlatformFaults = {}, speed?: number) {
  const memory = new InMemoryPlatform(faults);
  platform = await startFakePlatform((request) => memory.respond(request));
  await mkdir(join(folder, '.local-cloud'));
  await writeFile(
    join(folder, '.local-cloud', 'state.json'),
    JSON.stringify({ pid: process.pid, urls: { http: platform.url } }),
  );
  const file = await writeSampleFile(join(folder, 'sample.csv'));

  const summary = await runReplay({
    files: [file],
    speed,
    concurrency: 4,
    stockRatio: 0.9,
    idleTimeoutMs: 10_000,
    repoRoot: folder,
    verbose: false,
  });
  return { summary, memory };
}

describe('runReplay against an in-memory platform', () => {
  it('uses the cloud named in the state file', async () => {
    const { summary } = await replaySample();

    expect(summary.cloud).toEqual({
      httpUrl: platform?.url,
      startedHere: false,
    });
  });

  it('passes every invariant on a correct platform', async () => {
    const { summary } = await replaySample();

    expect(summary.failures).toEqual([]);
    expect(summary.ok).toBe(true);
  });

  it('imports the catalog and stock first', async () => {
    const { summary } = await replaySample();

    expect(summary.catalog.imported).toBe(summary.catalog.products);
    expect(summary.stock.updated).toBe(summary.stock.skus);
    const paths = (platform?.requests ?? [])
      .map((request) => request.path)
      .filter((path) => !path.startsWith('/_local/'));
    expect(paths.slice(0, 2)).toEqual(['/products/import', '/stock']);
  });

  it('ends every accepted order', async () => {
    const { summary } = await replaySample();
    const { confirmed, rejected, cancelled, accepted } = summary.orders;

    expect(accepted).toBe(summary.orders.submitted);
    expect(confirmed + rejected + cancelled).toBe(accepted);
    expect(summary.orders.rejectedByReason.OUT_OF_STOCK).toBeGreaterThan(0);
  });

  it('sends every matched cancellation', async () => {
    const { summary } = await replaySample();
    const { sent, cancelled, targetRejected } = summary.cancellations;

    expect(sent).toBe(summary.cancellations.matched);
    expect(cancelled + targetRejected).toBe(sent);
  });

  it('delivers one notification per transition', async () => {
    const { summary } = await replaySample();

    expect(summary.notifications.delivered).toBe(
      summary.notifications.expected,
    );
    expect(summary.notifications.mismatchCount).toBe(0);
  });

  it('replays at a recorded pace', async () => {
    const { summary } = await replaySample({}, 1e7);

    expect(summary.input.speed).toBe(1e7);
    expect(summary.ok).toBe(true);
  });

  it('reports stock not given back', async () => {
    const { summary } = await replaySample({ keepStockOnCancel: true });

    expect(summary.stockCheck.mismatchCount).toBeGreaterThan(0);
    expect(summary.ok).toBe(false);
  });

  it('reports an order left pending', async () => {
    const { summary } = await replaySample({ leavePending: 2 });

    expect(summary.orders.pending).toBe(1);
    expect(summary.failures).toContain('1 accepted orders are still PENDING');
  });
});
