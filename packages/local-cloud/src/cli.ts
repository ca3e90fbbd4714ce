// The `pnpm start` entry point: starts the local cloud and stops it on
// Ctrl-C or SIGTERM.
import { findRepoRoot } from './cli/findRepoRoot';
import { formatBanner } from './cli/formatBanner';
import { parseCliArguments, USAGE } from './cli/parseCliArguments';
import { ConfigurationError } from './errors';
import { createConsoleLogger, type Logger } from './logger';
import { type LocalCloud, startLocalCloud } from './startLocalCloud';

async function main(): Promise<void> {
  const args = parseCliArguments(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }

  const log = createConsoleLogger({ level: args.debug ? 'debug' : 'info' });
  const repoRoot = args.repoRoot ?? findRepoRoot(process.cwd());
  const cloud = await startLocalCloud({
    repoRoot,
    services: args.services,
    ports: args.ports,
    log,
  });
  stopOnSignals(cloud, log);
  process.stdout.write(formatBanner(cloud.urls, repoRoot));
}

/**
 * Stops the cloud on the first SIGINT or SIGTERM and exits with code 0.
 * A second signal while stopping exits at once with code 1.
 */
function stopOnSignals(cloud: LocalCloud, log: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn(`${signal} received while stopping; exiting now`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal} received; stopping`);
    cloud.stop().then(
      () => process.exit(0),
      (error) => {
        log.error('stopping failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`local cloud failed to start: ${message}\n`);
  if (
    error instanceof ConfigurationError &&
    /Unknown option|Unexpected argument/.test(message)
  ) {
    process.stderr.write(`\n${USAGE}`);
  }
  process.exitCode = error instanceof ConfigurationError ? 2 : 1;
});
