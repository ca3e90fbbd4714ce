import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LocalCloudStats } from '../../src/LocalCloudStats';
import { createFixtureRepo, removeFixtureRepo } from '../helpers/fixtureRepo';
import { isAlive } from '../helpers/processes';

const CLI = path.resolve(__dirname, '../../src/cli.ts');

function runCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(
    process.execPath,
    ['--import', pathToFileURL(require.resolve('tsx')).href, CLI, ...args],
    { stdio: 'pipe' },
  );
}

function collect(child: ChildProcessWithoutNullStreams) {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', resolve),
  );
  return { stdout: () => stdout, stderr: () => stderr, exit };
}

async function waitForOutput(
  read: () => string,
  text: string,
  exit: Promise<unknown>,
) {
  const exited = exit.then(() => {
    throw new Error(`the CLI exited before printing "${text}"`);
  });
  const printed = new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (read().includes(text)) {
        clearInterval(timer);
        resolve();
      }
    }, 20);
  });
  await Promise.race([printed, exited]);
}

describe('cli', () => {
  it('prints the usage for --help', async () => {
    const output = collect(runCli(['--help']));

    expect(await output.exit).toBe(0);
    expect(output.stdout()).toContain('--services <a,b>');
  });

  it('accepts the separator pnpm passes on', async () => {
    const output = collect(runCli(['--', '--help']));

    expect(await output.exit).toBe(0);
    expect(output.stdout()).toContain('--services <a,b>');
  });

  it('rejects unknown options with code 2', async () => {
    const output = collect(runCli(['--verbose']));

    expect(await output.exit).toBe(2);
    expect(output.stderr()).toContain("Unknown option '--verbose'");
  });

  it('rejects a port that is not a number', async () => {
    const output = collect(runCli(['--port', 'eighty']));

    expect(await output.exit).toBe(2);
    expect(output.stderr()).toContain('--port must be a port number');
  });

  it('stops cleanly on SIGTERM', async () => {
    const repoRoot = createFixtureRepo();
    const child = runCli([
      '--repo-root',
      repoRoot,
      '--port',
      '0',
      '--dynamodb-port',
      '0',
      '--sqs-port',
      '0',
      '--eventbridge-port',
      '0',
    ]);
    const output = collect(child);

    try {
      await waitForOutput(output.stdout, 'Press Ctrl-C to stop.', output.exit);
      const http = /HTTP API\s+(\S+)/.exec(output.stdout())?.[1] ?? '';
      const response = await fetch(`${http}/products/a`);
      const statsResponse = await fetch(`${http}/_local/stats`);
      const stats = (await statsResponse.json()) as LocalCloudStats;
      const workers = stats.memory.processes
        .filter((entry) => entry.name.startsWith('worker'))
        .map((entry) => entry.pid);
      child.kill('SIGTERM');

      expect(await output.exit).toBe(0);
      expect(response.status).toBe(200);
      expect(output.stdout()).toMatch(
        /export AWS_ENDPOINT_URL_DYNAMODB=http:\/\/127\.0\.0\.1:\d+/,
      );
      expect(output.stdout()).toMatch(
        /export AWS_ENDPOINT_URL_SQS=http:\/\/127\.0\.0\.1:\d+/,
      );
      expect(output.stdout()).toMatch(
        /export AWS_ENDPOINT_URL_EVENTBRIDGE=http:\/\/127\.0\.0\.1:\d+/,
      );
      expect(workers).toHaveLength(1);
      for (const pid of workers) expect(isAlive(pid)).toBe(false);
      expect(output.stderr()).toContain('local cloud stopped');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      removeFixtureRepo(repoRoot);
    }
  });
});
