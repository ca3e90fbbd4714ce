import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchmarkRun, formatBenchmarkPage } from './benchmark-page';
import { formatSummary } from './format-summary';
import { DEFAULT_STOCK_RATIO } from './load-plan';
import { OVERRIDES_APPLIED } from './local-cloud-connection';
import { findRepoRoot, retailDataDir } from './repo-root';
import { runReplay } from './run-replay';

const HELP = `Usage: pnpm bench -- [--file FILE] [--concurrency N]

Replays one day of Online Retail orders twice, each time on a fresh local
cloud started in this process: first with consumer batching off (batch
size 1, batching window 0 s, BATCH_WRITES=off), then with the services'
own settings. Writes the figures and their ratios to docs/benchmarks.md.

  --file FILE        the day to replay: a path, or a file name in the data
                     folder (default 2010-12-01.csv)
  --concurrency N    maximum requests in flight (integer >= 1, default 8)
  --idle-timeout S   seconds to wait for the queues to drain (default 900)
`;

const DEFAULT_DAY = '2010-12-01.csv';

/** The consumer and write settings of the baseline run. */
export const BASELINE_OVERRIDES = {
  batchSize: 1,
  batchingWindowSeconds: 0,
  env: { BATCH_WRITES: 'off' },
};

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      file: { type: 'string' },
      concurrency: { type: 'string' },
      'idle-timeout': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }

  const repoRoot = findRepoRoot();
  const file = resolveDay(values.file ?? DEFAULT_DAY, repoRoot);
  const concurrency = Number(values.concurrency ?? '8');
  const idleTimeoutMs = Number(values['idle-timeout'] ?? '900') * 1000;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    process.stderr.write(
      `invalid --concurrency "${values.concurrency}": expected an integer >= 1\n`,
    );
    return 2;
  }

  const runs: BenchmarkRun[] = [];
  for (const [name, overrides] of [
    ['baseline', BASELINE_OVERRIDES],
    ['batched', undefined],
  ] as const) {
    process.stderr.write(`bench: ${name} run of ${file}\n`);
    const summary = await runReplay({
      files: [file],
      speed: undefined,
      concurrency,
      stockRatio: DEFAULT_STOCK_RATIO,
      idleTimeoutMs,
      repoRoot,
      verbose: true,
      startOwnCloud: overrides ? { overrides } : {},
      ports: { http: 0, dynamodb: 0, sqs: 0, eventbridge: 0 },
    });
    process.stdout.write(formatSummary(summary));
    runs.push({ name, summary });
  }

  const page = formatBenchmarkPage({
    runs,
    commit: currentCommit(repoRoot),
    overridesApplied: OVERRIDES_APPLIED,
    baselineOverrides: BASELINE_OVERRIDES,
  });
  const out = join(repoRoot, 'docs', 'benchmarks.md');
  await writeFile(out, page);
  process.stderr.write(`bench: wrote ${out}\n`);
  return runs.every((run) => run.summary.ok) ? 0 : 1;
}

/** Reads a path relative to where pnpm was run, else a data file name. */
function resolveDay(file: string, repoRoot: string): string {
  const fromCwd = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  return existsSync(fromCwd) ? fromCwd : join(retailDataDir(repoRoot), file);
}

function currentCommit(repoRoot: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`bench failed: ${message}\n`);
    process.exitCode = 3;
  },
);
