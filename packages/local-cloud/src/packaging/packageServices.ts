import { spawn } from 'node:child_process';
import { PackagingError } from '../errors';
import type { Logger } from '../logger';
import type { ServiceFolder } from './findServices';
import { findStaleReason } from './findStaleReason';

/** Runs a command in a folder and returns its combined output. */
export type CommandRunner = (
  command: string,
  args: string[],
  cwd: string,
) => Promise<{ exitCode: number; output: string }>;

export interface PackageOptions {
  stage: string;
  log: Logger;
  /** At most this many `sls package` run at once. Default 2. */
  concurrency?: number;
  /** Replaces the process runner, for tests. */
  run?: CommandRunner;
}

/** Lines of `sls package` output kept in a PackagingError. */
const OUTPUT_TAIL_LINES = 40;

/**
 * Runs `pnpm exec sls package --stage <stage>` in each service whose
 * packaged template is missing or older than its sources, at most
 * `concurrency` at a time. Returns the names of the services packaged.
 */
export async function packageServices(
  services: ServiceFolder[],
  options: PackageOptions,
): Promise<string[]> {
  const stale = services.flatMap((service) => {
    const reason = findStaleReason(service.dir, options.stage);
    return reason ? [{ service, reason }] : [];
  });
  const run = options.run ?? runCommand;

  await mapWithConcurrency(
    stale,
    options.concurrency ?? 2,
    ({ service, reason }) =>
      packageService(service, reason, options.stage, run, options.log),
  );
  return stale.map(({ service }) => service.name);
}

async function packageService(
  service: ServiceFolder,
  reason: string,
  stage: string,
  run: CommandRunner,
  log: Logger,
): Promise<void> {
  const args = ['exec', 'sls', 'package', '--stage', stage];
  log.info(`packaging ${service.name}: ${reason}`, {
    command: `pnpm ${args.join(' ')}`,
    cwd: service.dir,
  });

  const started = Date.now();
  const { exitCode, output } = await run('pnpm', args, service.dir).catch(
    (error: Error) => {
      throw new PackagingError(
        service.name,
        `could not run pnpm to package ${service.name}: ${error.message}`,
        { cause: error },
      );
    },
  );
  if (exitCode !== 0) {
    const tail = output
      .trimEnd()
      .split('\n')
      .slice(-OUTPUT_TAIL_LINES)
      .join('\n');
    throw new PackagingError(
      service.name,
      `sls package failed for ${service.name} with exit code ${exitCode}; run "pnpm exec sls package --stage ${stage}" in ${service.dir} to see why. Output:\n${tail}`,
    );
  }
  log.info(`packaged ${service.name}`, {
    seconds: (Date.now() - started) / 1000,
  });
}

async function mapWithConcurrency<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  const workers = Array.from(
    { length: Math.min(limit, queue.length) },
    async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        await work(item);
      }
    },
  );
  await Promise.all(workers);
}

/**
 * Runs a command without a shell. Serverless telemetry and update
 * notifications are turned off so that packaging sends no traffic.
 */
const runCommand: CommandRunner = (command, args, cwd) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: {
        ...process.env,
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        exitCode: code ?? 1,
        output: Buffer.concat(chunks).toString('utf8'),
      }),
    );
  });
