import { formatBenchmarkPage } from '../../src/benchmark-page';
import { summarize } from '../../src/summary';
import { record } from './run-record';

async function page(overridesApplied: boolean) {
  const baseline = summarize(await record());
  const batchedRun = await record();
  batchedRun.meters.afterReplay.functions['orders-http'] = {
    invocations: 3,
    errors: 0,
    durationMs: 1,
    gbSeconds: 0.5,
  };
  const batched = summarize(batchedRun);

  return formatBenchmarkPage({
    runs: [
      { name: 'baseline', summary: baseline },
      { name: 'batched', summary: batched },
    ],
    commit: 'abc1234',
    overridesApplied,
    baselineOverrides: {
      batchSize: 1,
      batchingWindowSeconds: 0,
      env: { BATCH_WRITES: 'off' },
    },
  });
}

describe('formatBenchmarkPage', () => {
  it('lists each figure with its ratio', async () => {
    const text = await page(true);

    expect(text).toContain(
      '| Lambda invocations per order | 1.50 | 0.50 | 0.33 | at most 1.5: met |',
    );
    expect(text).toContain(
      '| Lambda GB-seconds per order (local timing) | 0.375 | 0.125 | 0.33 |',
    );
    expect(text).toContain(
      '| local cloud peak memory (MiB) | 300 | 300 | 1.00 |',
    );
  });

  it('names the machine and the commit', async () => {
    const text = await page(true);

    expect(text).toContain(`| Node | ${process.version} |`);
    expect(text).toContain('at commit abc1234');
  });

  it('describes the baseline settings', async () => {
    const text = await page(true);

    expect(text).toContain(
      'Baseline: consumer batch size 1, batching window 0 s, BATCH_WRITES=off.',
    );
  });

  it('warns when the overrides were not applied', async () => {
    const applied = await page(true);
    const ignored = await page(false);

    expect(applied).not.toContain('does not apply the baseline overrides');
    expect(ignored).toContain('does not apply the baseline overrides');
  });

  it('rejects a missing baseline run', () => {
    expect(() =>
      formatBenchmarkPage({
        runs: [],
        commit: 'x',
        overridesApplied: true,
        baselineOverrides: {},
      }),
    ).toThrow(/baseline and a batched run/);
  });
});
