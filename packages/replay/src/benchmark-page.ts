import { cpus, totalmem } from 'node:os';
import type { CloudOverrides } from './local-cloud-connection';
import { capacityTotals, total } from './meter';
import type { ReplaySummary } from './summary';

/** One replay of the benchmark, named `baseline` or `batched`. */
export interface BenchmarkRun {
  name: string;
  summary: ReplaySummary;
}

export interface BenchmarkPageInput {
  runs: BenchmarkRun[];
  commit: string;
  overridesApplied: boolean;
  baselineOverrides: CloudOverrides;
}

interface Figure {
  label: string;
  read: (summary: ReplaySummary) => number;
  digits: number;
  target?: { text: string; met: (value: number) => boolean };
}

const MIB = 2 ** 20;

const FIGURES: Figure[] = [
  {
    label: 'orders per second',
    read: (s) => s.timings.ordersPerSecond,
    digits: 1,
  },
  {
    label: 'Lambda invocations per order',
    read: (s) => s.perOrder.invocations,
    digits: 2,
    target: { text: 'at most 1.5', met: (value) => value <= 1.5 },
  },
  {
    label: 'Lambda GB-seconds per order (local timing)',
    read: (s) => s.perOrder.lambdaGbSeconds,
    digits: 3,
  },
  {
    label: 'of which queue consumers',
    read: (s) => s.perOrder.consumerGbSeconds,
    digits: 3,
  },
  {
    label: 'DynamoDB write units per order',
    read: (s) => s.perOrder.dynamodbWriteUnits,
    digits: 2,
  },
  {
    label: 'DynamoDB read units per order',
    read: (s) => s.perOrder.dynamodbReadUnits,
    digits: 2,
  },
  {
    label: 'SQS requests per order',
    read: (s) => s.perOrder.sqsRequests,
    digits: 2,
  },
  {
    label: 'EventBridge entries per order',
    read: (s) => s.perOrder.eventBridgeEntries,
    digits: 2,
  },
  {
    label: 'local cloud peak memory (MiB)',
    read: (s) => s.meter.peakMemoryBytes / MIB,
    digits: 0,
    target: { text: 'under 500', met: (value) => value < 500 },
  },
  {
    label: 'wall time (s)',
    read: (s) => s.timings.totalMs / 1000,
    digits: 1,
  },
];

/** Renders docs/benchmarks.md from the runs of one `pnpm bench`. */
export function formatBenchmarkPage(input: BenchmarkPageInput): string {
  const baseline = input.runs.find((run) => run.name === 'baseline');
  const batched = input.runs.find((run) => run.name === 'batched');
  if (!baseline || !batched) {
    throw new RangeError(
      'the benchmark page needs a baseline and a batched run',
    );
  }

  return [
    '# Benchmarks',
    '',
    `Written by \`pnpm bench\` (packages/replay/src/bench.ts) on ${new Date().toISOString().slice(0, 10)}, at commit ${input.commit}. Every figure below comes from that one run; rerun the command to refresh the page.`,
    '',
    ...machineSection(),
    ...workloadSection(batched.summary),
    ...figuresSection(baseline.summary, batched.summary),
    ...settingsSection(input),
    ...invariantsSection(input.runs),
    ...meterSection(batched.summary),
  ].join('\n');
}

function machineSection(): string[] {
  const cpuList = cpus();
  return [
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${cpuList[0]?.model ?? 'unknown'}, ${cpuList.length} logical cores |`,
    `| memory | ${(totalmem() / 2 ** 30).toFixed(1)} GiB |`,
    `| Node | ${process.version} |`,
    '',
  ];
}

function workloadSection(summary: ReplaySummary): string[] {
  const { rows, orders, cancellations } = summary;
  return [
    `## Replay of ${summary.input.files.join(', ')}`,
    '',
    `${rows.read} rows: ${orders.submitted} orders and ${cancellations.matched} cancellations sent as fast as ${summary.input.concurrency} requests in flight allow, after a catalog of ${summary.catalog.products} products and stock at ${summary.input.stockRatio} of the ordered quantity. Per-order figures divide what the local cloud metered between the end of the import and the moment every queue drained by the orders submitted, so cancellations count towards them.`,
    '',
  ];
}

function figuresSection(
  baseline: ReplaySummary,
  batched: ReplaySummary,
): string[] {
  const lines = [
    '| figure | baseline | batched | batched / baseline | target |',
    '|---|---:|---:|---:|---|',
  ];
  for (const figure of FIGURES) {
    const before = figure.read(baseline);
    const after = figure.read(batched);
    const ratio = before === 0 ? 'n/a' : (after / before).toFixed(2);
    const target = figure.target
      ? `${figure.target.text}: ${figure.target.met(after) ? 'met' : 'missed'}`
      : '';
    lines.push(
      `| ${figure.label} | ${before.toFixed(figure.digits)} | ${after.toFixed(figure.digits)} | ${ratio} | ${target} |`,
    );
  }
  return [...lines, ''];
}

function settingsSection(input: BenchmarkPageInput): string[] {
  const env = Object.entries(input.baselineOverrides.env ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  const lines = [
    `Baseline: consumer batch size ${input.baselineOverrides.batchSize}, batching window ${input.baselineOverrides.batchingWindowSeconds} s, ${env}. Batched: the settings in each service's serverless.yml.`,
    '',
  ];
  if (!input.overridesApplied) {
    lines.push(
      "**The local cloud used for this run does not apply the baseline overrides yet**, so both columns ran with the services' own settings and the ratios say nothing about batching.",
      '',
    );
  }
  return lines;
}

function invariantsSection(runs: BenchmarkRun[]): string[] {
  const lines = ['## Invariants', ''];
  for (const run of runs) {
    const { summary } = run;
    const state = summary.ok
      ? 'all hold'
      : `FAILED: ${summary.failures.join('; ')}`;
    lines.push(
      `- ${run.name}: ${state} (${summary.orders.confirmed} confirmed, ${summary.orders.rejected} rejected, ${summary.orders.cancelled} cancelled, ${summary.orders.pending} pending; ${summary.stockCheck.mismatchCount} stock mismatches; ${total(summary.deadLetters)} dead letters).`,
    );
  }
  return [...lines, ''];
}

function meterSection(summary: ReplaySummary): string[] {
  const capacity = capacityTotals(summary.meter.replay);
  return [
    '## Notes',
    '',
    `- Peak memory is the resident set of the process that runs the local cloud plus its worker processes. The bench starts the local cloud in its own process, so the figure includes the replay client (the parsed day and the request bookkeeping).`,
    `- Batched run totals over the replay phase: ${capacity.writeUnits.toFixed(1)} write units, ${capacity.readUnits.toFixed(1)} read units, ${total(summary.meter.replay.sqsRequests)} SQS requests (the pollers' receives included), ${summary.meter.replay.eventBridge.entries} EventBridge entries.`,
    "- Lambda GB-seconds multiply each invocation's local wall time, rounded up to the millisecond as Lambda bills it, by the memory its serverless.yml sets. Local wall time includes the worker's message passing and the stand-ins' latency, and four workers share two cores, so the ratio between the runs means more than either figure. The HTTP functions take most of it: each service's requests share one worker here, while Lambda gives each concurrent request its own environment, and batching does not change them. The consumers' row is the part batching changes.",
    '- One run per column: repeat the bench before reading small differences.',
    '',
  ];
}
