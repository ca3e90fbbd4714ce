#!/usr/bin/env node
// Runs `sls invoke local` for every sample event of every service against
// the running local cloud (start it with `pnpm start`), two at a time.
// A sample passes when the function loads and returns a response of its
// kind: an HTTP result below 500, or a partial batch response. Records
// may fail on an empty cloud (an order that does not exist yet), so only
// the shape is checked, not the outcome.
// Usage: node scripts/invoke-samples.mjs
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INVOKE_TIMEOUT_MS = 60_000;

function readCloudEnvironment() {
  const stateFile = path.join(root, '.local-cloud/state.json');
  if (!existsSync(stateFile)) {
    throw new Error('no local cloud is running: start one with `pnpm start`');
  }
  const { urls } = JSON.parse(readFileSync(stateFile, 'utf8'));
  return {
    ...process.env,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: urls.dynamodb,
    AWS_ENDPOINT_URL_SQS: urls.sqs,
    AWS_ENDPOINT_URL_EVENTBRIDGE: urls.eventbridge,
  };
}

function listSamples() {
  const servicesDir = path.join(root, 'services');
  return readdirSync(servicesDir).flatMap((service) => {
    const eventsDir = path.join(servicesDir, service, 'events');
    if (!existsSync(eventsDir)) return [];
    return readdirSync(eventsDir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => ({
        service,
        file,
        fn: file.startsWith('consume-') ? 'consumer' : 'http',
      }));
  });
}

/** Returns the last JSON value that osls printed, or undefined. */
function lastJson(output) {
  const start = output.lastIndexOf('\n{');
  const text = start === -1 ? output.trim() : output.slice(start + 1);
  try {
    return JSON.parse(text.slice(0, text.lastIndexOf('}') + 1));
  } catch {
    return undefined;
  }
}

function problemWith(sample, result) {
  if (result === undefined) return 'printed no JSON response';
  if (sample.fn === 'consumer') {
    return Array.isArray(result.batchItemFailures)
      ? undefined
      : 'returned no batchItemFailures list';
  }
  if (typeof result.statusCode !== 'number') return 'returned no statusCode';
  return result.statusCode >= 500 ? `returned ${result.statusCode}` : undefined;
}

function invoke(sample, env) {
  const serviceDir = path.join(root, 'services', sample.service);
  const sls = path.join(serviceDir, 'node_modules/.bin/sls');
  const args = [
    'invoke',
    'local',
    '-f',
    sample.fn,
    '--path',
    `events/${sample.file}`,
    '--stage',
    'local',
  ];
  return new Promise((resolve) => {
    // Detached, so a timeout can kill the whole process group: the sls
    // binary is a shell wrapper around node, which would outlive it.
    const child = spawn(sls, args, {
      cwd: serviceDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, INVOKE_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      // osls 4.3.1 sometimes prints the response and then does not exit.
      // A process stopped at the timeout after a valid response passes.
      const response = lastJson(output);
      const stoppedAfterResponse = timedOut && response !== undefined;
      const problem =
        code === 0 || stoppedAfterResponse
          ? problemWith(sample, response)
          : `exited with ${code}${timedOut ? ' after the timeout' : ''}`;
      resolve({ sample, problem, output });
    });
  });
}

async function main() {
  const env = readCloudEnvironment();
  const queue = listSamples();
  const failures = [];
  let passed = 0;

  const workers = [0, 1].map(async () => {
    for (let sample = queue.shift(); sample; sample = queue.shift()) {
      let result = await invoke(sample, env);
      if (result.problem) {
        // osls 4.3.1 now and then hangs without printing a response; one
        // retry distinguishes that from a function that fails every time.
        console.log(
          `retry ${sample.service} ${sample.file}: ${result.problem}`,
        );
        result = await invoke(sample, env);
      }
      const name = `${sample.service} ${sample.fn} events/${sample.file}`;
      if (result.problem) {
        failures.push(result);
        console.log(`FAIL ${name}: ${result.problem}`);
      } else {
        passed += 1;
        console.log(`ok   ${name}`);
      }
    }
  });
  await Promise.all(workers);

  for (const failure of failures) {
    console.log(
      `\n--- ${failure.sample.service} ${failure.sample.file}\n${failure.output.slice(-2000)}`,
    );
  }
  console.log(`${passed} passed, ${failures.length} failed`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error.message);
    process.exit(2);
  },
);

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group has exited already.
  }
}
