#!/usr/bin/env node
// Packages every service offline with `sls package`, two at a time.
// Usage: pnpm package -- [--stage <stage>] [--if-stale]
// --if-stale skips a service whose packaged template is newer than its
// serverless.yml, resources, package.json and sources.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE = '.serverless/cloudformation-template-update-stack.json';
const PACKAGE_TIMEOUT_MS = 180_000;

function parseArgs(argv) {
  const args = argv.filter((arg) => arg !== '--');
  const options = { stage: 'dev', ifStale: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--stage') {
      options.stage = args[i + 1];
      i += 1;
    } else if (arg === '--if-stale') {
      options.ifStale = true;
    } else {
      throw new Error(
        `unknown option ${arg}: use --stage <stage> or --if-stale`,
      );
    }
  }
  if (!options.stage)
    throw new Error('--stage needs a value, for example --stage prod');
  return options;
}

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, name) => Math.max(newest, newestMtime(path.join(target, name))),
    stat.mtimeMs,
  );
}

/** The stage a template was packaged for, from serverless-state.json. */
function packagedStage(serviceDir) {
  const state = path.join(serviceDir, '.serverless/serverless-state.json');
  if (!existsSync(state)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(state, 'utf8'));
    return parsed.service?.provider?.stage;
  } catch {
    return undefined;
  }
}

function isStale(serviceDir, stage) {
  const template = path.join(serviceDir, TEMPLATE);
  if (!existsSync(template)) return true;
  if (packagedStage(serviceDir) !== stage) return true;
  const built = statSync(template).mtimeMs;
  const inputs = ['serverless.yml', 'resources', 'src', 'package.json'];
  const shared = path.join(root, 'packages/shared/src');
  return [...inputs.map((name) => path.join(serviceDir, name)), shared].some(
    (input) => newestMtime(input) > built,
  );
}

function runPackage(serviceDir, stage) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // The service's own osls binary, so no global pnpm or sls is needed.
    const sls = path.join(serviceDir, 'node_modules/.bin/sls');
    // Detached, so a timeout can kill the whole process group: the sls
    // binary is a shell wrapper around node, which would outlive it.
    const child = spawn(sls, ['package', '--stage', stage], {
      cwd: serviceDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    // osls can hang instead of exiting after a build error, so a package
    // that takes far longer than usual (a few seconds) is stopped.
    const timer = setTimeout(() => killGroup(child), PACKAGE_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      clearTimeout(timer);
      const name = path.basename(serviceDir);
      if (code === 0) {
        console.log(
          `packaged ${name} for ${stage} in ${Date.now() - started} ms`,
        );
        resolve();
      } else {
        reject(
          new Error(
            `sls package failed for ${name} (exit ${code}):\n${output}`,
          ),
        );
      }
    });
  });
}

export async function packageAll({ stage, ifStale }) {
  const servicesDir = path.join(root, 'services');
  const services = readdirSync(servicesDir)
    .map((name) => path.join(servicesDir, name))
    .filter((dir) => existsSync(path.join(dir, 'serverless.yml')))
    .filter((dir) => !ifStale || isStale(dir, stage));

  const queue = [...services];
  const workers = [0, 1].map(async () => {
    while (queue.length > 0) {
      const next = queue.shift();
      if (next) await runPackage(next, stage);
    }
  });
  await Promise.all(workers);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  packageAll(parseArgs(process.argv.slice(2))).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group has exited already.
  }
}
