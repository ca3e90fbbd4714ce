import { constants } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type CliOptions, HELP, parseCliArgs } from './cli-options';
import { InputFileError, ReplayError, UsageError } from './errors';
import { formatSummary } from './format-summary';
import { findRepoRoot } from './repo-root';
import { runReplay } from './run-replay';

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    // pnpm runs scripts in the package folder; INIT_CWD is where it was run.
    options = parseCliArgs(
      process.argv.slice(2),
      process.env.INIT_CWD ?? process.cwd(),
    );
  } catch (error) {
    process.stderr.write(`${describe(error)}\nRun with --help for usage.\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }

  if (options.json !== undefined) {
    // Fail before the replay, not after it, when the file cannot be written.
    await checkWritable(options.json);
  }

  const summary = await runReplay({
    files: options.files,
    speed: options.speed,
    concurrency: options.concurrency,
    stockRatio: options.stockRatio,
    idleTimeoutMs: options.idleTimeoutMs,
    repoRoot: findRepoRoot(),
    verbose: !options.quiet,
    // A cloud started by this command takes free ports, so a program that
    // uses the default ports does not stop the replay.
    ports: { http: 0, dynamodb: 0, sqs: 0, eventbridge: 0 },
  });
  process.stdout.write(formatSummary(summary));
  if (options.json !== undefined) {
    await writeFile(options.json, `${JSON.stringify(summary, null, 2)}\n`);
  }
  return summary.ok ? 0 : 1;
}

async function checkWritable(file: string): Promise<void> {
  try {
    await access(dirname(file), constants.W_OK);
  } catch (error) {
    throw new UsageError(
      `invalid --json "${file}": its folder does not exist or is not writable; create it or choose another path`,
      { cause: error },
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`replay failed: ${describe(error)}\n`);
    if (!(error instanceof ReplayError) && error instanceof Error) {
      process.stderr.write(`${error.stack ?? ''}\n`);
    }
    process.exitCode = error instanceof ReplayError ? exitCodeOf(error) : 3;
  },
);

function exitCodeOf(error: ReplayError): number {
  return error instanceof InputFileError || error instanceof UsageError ? 2 : 3;
}
