import { resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors';
import { DEFAULT_STOCK_RATIO } from './load-plan';

export const HELP = `Usage: pnpm replay -- [options] FILE...

Replays Online Retail CSV files as orders through the local cloud, then
checks that every order ended, stock adds up and no message was lost.
Uses the local cloud named in .local-cloud/state.json when it runs, else
starts one in this process. Start from an empty local cloud: orders left
by an earlier run make the stock check fail.

Options:
  --speed N          replay at N times the recorded pace (a number > 0:
                     60 sends an hour of invoices in a minute); without
                     it, invoices are sent as fast as --concurrency allows
  --concurrency N    maximum requests in flight (integer >= 1, default 8)
  --stock-ratio R    initial stock of each SKU as a share of the quantity
                     ordered in FILEs, rounded up (number >= 0, default
                     ${DEFAULT_STOCK_RATIO}); below 1 some orders are rejected
  --json FILE        also write the summary as JSON to FILE
  --idle-timeout S   seconds to wait for the queues to drain (default 600)
  --quiet            no progress line and step messages on stderr
  --help             show this text

Exit status: 0 when every invariant holds, 1 when one fails (an order
still PENDING, a stock mismatch, a dead-lettered message, a row neither
used nor skipped, or notifications other than one per terminal
transition), 2 for invalid arguments or input files, 3 when the local
cloud or the platform failed.
`;

export interface CliOptions {
  files: string[];
  speed: number | undefined;
  concurrency: number;
  stockRatio: number;
  json: string | undefined;
  idleTimeoutMs: number;
  quiet: boolean;
  help: boolean;
}

/** Parses the command line; throws UsageError on an invalid value. */
export function parseCliArgs(args: string[], cwd: string): CliOptions {
  const { values, positionals } = parseOrThrowUsage({
    // pnpm passes the `--` that separates its own options through.
    args: args[0] === '--' ? args.slice(1) : args,
    options: {
      speed: { type: 'string' },
      concurrency: { type: 'string' },
      'stock-ratio': { type: 'string' },
      json: { type: 'string' },
      'idle-timeout': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  } as const);

  const options: CliOptions = {
    // The same file named twice would replay every invoice twice.
    files: [...new Set(positionals.map((file) => resolve(cwd, file)))],
    speed: optionalNumber('--speed', values.speed, (n) => n > 0, '> 0'),
    concurrency:
      optionalNumber(
        '--concurrency',
        values.concurrency,
        (n) => Number.isInteger(n) && n >= 1,
        'an integer >= 1',
      ) ?? 8,
    stockRatio:
      optionalNumber(
        '--stock-ratio',
        values['stock-ratio'],
        (n) => n >= 0,
        '>= 0',
      ) ?? DEFAULT_STOCK_RATIO,
    json: values.json === undefined ? undefined : resolve(cwd, values.json),
    idleTimeoutMs:
      (optionalNumber(
        '--idle-timeout',
        values['idle-timeout'],
        (n) => n > 0,
        '> 0',
      ) ?? 600) * 1000,
    quiet: values.quiet,
    help: values.help,
  };
  if (!options.help && options.files.length === 0) {
    throw new UsageError('missing FILE: name at least one Online Retail CSV');
  }
  return options;
}

/** Runs parseArgs, turning its errors (unknown option, ...) into UsageError. */
function parseOrThrowUsage<T extends ParseArgsConfig>(config: T) {
  try {
    return parseArgs(config);
  } catch (error) {
    // parseArgs raises TypeErrors with ERR_PARSE_ARGS_* codes. The code is
    // checked instead of the class, which differs across VM realms.
    const { code, message } = (error ?? {}) as {
      code?: unknown;
      message?: unknown;
    };
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(String(message), { cause: error });
    }
    throw error;
  }
}

function optionalNumber(
  name: string,
  text: string | undefined,
  valid: (value: number) => boolean,
  expected: string,
): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !valid(value)) {
    throw new UsageError(`invalid ${name} "${text}": expected ${expected}`);
  }
  return value;
}
