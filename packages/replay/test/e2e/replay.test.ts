import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '../../src/repo-root';
import { runReplay } from '../../src/run-replay';
import { writeSampleFile } from '../../src/sample-file';
import type { ReplaySummary } from '../../src/summary';

// Starting the local cloud packages stale services with `sls package`,
// which alone can take minutes on a cold checkout.
jest.setTimeout(600_000);

let folder: string;
let summary: ReplaySummary;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'replay-e2e-'));
  const file = await writeSampleFile(join(folder, 'sample.csv'));

  summary = await runReplay({
    files: [file],
    speed: undefined,
    concurrency: 8,
    stockRatio: 0.9,
    idleTimeoutMs: 300_000,
    repoRoot: findRepoRoot(),
    verbose: false,
    // Isolated, so that the suite also passes beside `pnpm start`.
    startOwnCloud: { isolated: true },
    ports: { http: 0, dynamodb: 0, sqs: 0, eventbridge: 0 },
  });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('replay of the sample file', () => {
  it('accepts every order', () => {
    expect(summary.orders.notAccepted).toEqual({});
    expect(summary.orders.accepted).toBe(summary.orders.submitted);
  });

  it('leaves no order pending', () => {
    expect(summary.orders.pending).toBe(0);
    expect(summary.orders.unreadable).toBe(0);
  });

  it('brings every accepted order to a terminal status', () => {
    const { confirmed, rejected, cancelled, accepted } = summary.orders;

    expect(confirmed + rejected + cancelled).toBe(accepted);
  });

  it('rejects some orders for stock', () => {
    expect(summary.orders.rejectedByReason.OUT_OF_STOCK).toBeGreaterThan(0);
  });

  it('sends every matched cancellation', () => {
    expect(summary.cancellations.sent).toBe(summary.cancellations.matched);
    expect(summary.cancellations.otherStatus).toEqual({});
  });

  it('has zero stock mismatches', () => {
    expect(summary.stockCheck.firstMismatches).toEqual([]);
    expect(summary.stockCheck.mismatchCount).toBe(0);
  });

  it('leaves the dead-letter queues empty', () => {
    for (const [queue, messages] of Object.entries(summary.deadLetters)) {
      expect({ queue, messages }).toEqual({ queue, messages: 0 });
    }
  });

  it('accounts for every row', () => {
    const { rows } = summary;

    expect(rows.unaccounted).toBe(0);
    expect(
      rows.usedAsOrderLines + rows.usedAsCancellationLines + rows.skipped,
    ).toBe(rows.read);
  });

  it('delivers the expected notifications', () => {
    expect(summary.notifications.firstMismatches).toEqual([]);
    expect(summary.notifications.delivered).toBe(
      summary.notifications.expected,
    );
  });

  it('passes every invariant', () => {
    expect(summary.failures).toEqual([]);
    expect(summary.ok).toBe(true);
  });
});
