import { rmSync } from 'node:fs';
import path from 'node:path';
import { applyOverrides, type LocalCloudOverrides } from './applyOverrides';
import { buildRouteTable } from './buildRouteTable';
import { Cleanup } from './Cleanup';
import { createPollers } from './createPollers';
import { type DeployedStack, deployStack } from './deployStacks';
import { IdleTimeoutError } from './errors';
import { startHttpApi } from './http/startHttpApi';
import { jsonResponse } from './http/toHttpResponse';
import type { LocalCloudStats } from './LocalCloudStats';
import type { LambdaRuntime } from './lambda/LambdaRuntime';
import { createConsoleLogger, type Logger, silentLogger } from './logger';
import { findServices } from './packaging/findServices';
import { packageServices } from './packaging/packageServices';
import { QueueRegistry } from './QueueRegistry';
import { readQueueStats } from './readQueueStats';
import { registerRules } from './registerRules';
import type { EventSourceMappingPoller } from './sqs/EventSourceMappingPoller';
import { startFunctions } from './startFunctions';
import { type StandIns, startStandIns } from './startStandIns';
import {
  checkNoRunningCloud,
  localCloudDir,
  removeStateFile,
  writeStateFile,
} from './stateFile';
import { MemorySampler } from './stats/MemorySampler';

export interface LocalCloudPorts {
  http: number;
  dynamodb: number;
  sqs: number;
  eventbridge: number;
}

export interface LocalCloudOptions {
  /** The workspace root, which contains `services/`. */
  repoRoot: string;
  /** Service folder names to run. Default: every service. */
  services?: string[];
  /** The stage the templates are packaged for. Default `local`. */
  stage?: string;
  /** Ports on 127.0.0.1; 0 picks a free port. */
  ports?: Partial<LocalCloudPorts>;
  /** Replaces every queue's VisibilityTimeout on receive, in seconds. */
  visibilityTimeoutOverrideSeconds?: number;
  /** Logger for progress and errors, or `false` for none. Default: stderr. */
  log?: Logger | false;
  /** Replaces packaged settings in every service, for baselines. */
  overrides?: LocalCloudOverrides;
  /**
   * Runs beside the cloud of `pnpm start`, for tests: no state file, and
   * function logs in `.local-cloud/isolated-<pid>/logs`, removed at stop.
   * Use free ports (0) with it. Default false.
   */
  isolated?: boolean;
}

export interface LocalCloudUrls {
  http: string;
  dynamodb: string;
  sqs: string;
  eventbridge: string;
}

/** A running local cloud. */
export interface LocalCloud {
  urls: LocalCloudUrls;
  stats(): Promise<LocalCloudStats>;
  /**
   * Resolves when no invocation runs and every queue except dead-letter
   * queues is empty, checked twice 500 ms apart. Default timeout 30 s.
   */
  waitForIdle(options?: { timeoutMs?: number }): Promise<void>;
  /** Stops pollers, workers and servers. Safe to call more than once. */
  stop(): Promise<void>;
}

export const DEFAULT_PORTS: LocalCloudPorts = {
  http: 3000,
  dynamodb: 8000,
  sqs: 9324,
  eventbridge: 4010,
};

/** The pause between the two idle checks of waitForIdle. */
const IDLE_CONFIRM_MS = 500;
const IDLE_POLL_MS = 100;
const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

interface Running {
  standIns: StandIns;
  runtime: LambdaRuntime;
  pollers: EventSourceMappingPoller[];
  queues: QueueRegistry;
  memory: MemorySampler;
}

/**
 * Starts the local cloud: packages stale services, starts the stand-ins,
 * creates every stack's resources, starts one worker per service, the HTTP
 * API and the SQS pollers. On a failure, whatever started is stopped
 * before the error is thrown.
 */
export async function startLocalCloud(
  options: LocalCloudOptions,
): Promise<LocalCloud> {
  const log = toLogger(options.log);
  const stage = options.stage ?? 'local';
  // A port left undefined, as the CLI passes it, keeps its default.
  const ports = { ...DEFAULT_PORTS, ...definedPorts(options.ports) };
  const services = findServices(options.repoRoot, options.services);
  if (!options.isolated) checkNoRunningCloud(options.repoRoot);
  await packageServices(services, { stage, log });

  const cleanup = new Cleanup();
  try {
    const logDir = logDirOf(options, cleanup);
    const standIns = await startStandIns(ports, log, cleanup);
    const stacks: DeployedStack[] = [];
    for (const service of services) {
      stacks.push(await deployStack(service, stage, standIns, log));
    }
    applyOverrides(stacks, options.overrides);
    const running = await startRuntime(
      stacks,
      standIns,
      { ...options, logDir },
      log,
      cleanup,
    );
    const cloud = await startGateway(running, stacks, ports, log, cleanup);

    if (!options.isolated) {
      writeStateFile(options.repoRoot, {
        pid: process.pid,
        startedAt: new Date().toISOString(),
        services: services.map((service) => service.name),
        urls: cloud.urls,
      });
      cleanup.add('state file', () => removeStateFile(options.repoRoot));
    }
    log.info('local cloud started', { ...cloud.urls });
    return cloud;
  } catch (error) {
    await cleanup.run(log);
    throw error;
  }
}

/** Returns the folder for function logs, removed at stop when isolated. */
function logDirOf(options: LocalCloudOptions, cleanup: Cleanup): string {
  const root = localCloudDir(options.repoRoot);
  if (!options.isolated) return path.join(root, 'logs');

  const own = path.join(root, `isolated-${process.pid}`);
  cleanup.add('isolated logs', () =>
    rmSync(own, { recursive: true, force: true }),
  );
  return path.join(own, 'logs');
}

async function startRuntime(
  stacks: DeployedStack[],
  standIns: StandIns,
  options: LocalCloudOptions & { logDir: string },
  log: Logger,
  cleanup: Cleanup,
): Promise<Running> {
  const queues = new QueueRegistry();
  for (const stack of stacks) {
    for (const queue of Object.values(stack.created.queues)) queues.add(queue);
  }
  registerRules(stacks, queues, standIns.bus, log);

  const runtime = await startFunctions(
    stacks,
    standIns.endpoints,
    options.logDir,
    log,
    cleanup,
  );
  const memory = new MemorySampler(() =>
    runtime.workers().map((worker) => ({
      name: `worker ${worker.service}`,
      pid: worker.pid,
    })),
  );
  memory.start();
  cleanup.add('memory sampler', () => memory.stop());

  const pollers = await createPollers(stacks, {
    queues,
    runtime,
    standIns,
    visibilityTimeoutOverrideSeconds: options.visibilityTimeoutOverrideSeconds,
    log,
  });
  return { standIns, runtime, pollers, queues, memory };
}

async function startGateway(
  running: Running,
  stacks: DeployedStack[],
  ports: LocalCloudPorts,
  log: Logger,
  cleanup: Cleanup,
): Promise<LocalCloud> {
  const stats = () => collectStats(running);
  const findBusy = () => findBusyParts(running);

  const http = await startHttpApi({
    port: ports.http,
    routes: buildRouteTable(stacks, running.runtime, log),
    invoke: (name, event) => running.runtime.invoke(name, event),
    admin: (method, path) => answerAdmin(method, path, stats, findBusy),
    log,
  });
  cleanup.add('HTTP API', http.stop);

  for (const poller of running.pollers) poller.start();
  cleanup.add('pollers', () =>
    Promise.all(running.pollers.map((poller) => poller.stop())),
  );

  let stopping: Promise<void> | undefined;
  return {
    urls: { http: http.endpoint, ...running.standIns.endpoints },
    stats,
    waitForIdle: (options) => waitForIdle(findBusy, options?.timeoutMs),
    stop: () => {
      stopping ??= cleanup.run(log).then(() => log.info('local cloud stopped'));
      return stopping;
    },
  };
}

async function collectStats(running: Running): Promise<LocalCloudStats> {
  running.memory.sample();
  const { standIns } = running;
  return {
    functions: running.runtime.functionStats(),
    dynamodb: standIns.capacity.usage(),
    sqs: {
      requests: standIns.sqsRequests.toRecord(),
      queues: await readQueueStats(standIns.internalSqs, running.queues),
    },
    eventBridge: standIns.bus.getUsage(),
    memory: running.memory.usage(),
  };
}

/** Lists what keeps the local cloud busy; an empty list means idle. */
async function findBusyParts(running: Running): Promise<string[]> {
  const busy: string[] = [];
  if (running.runtime.running > 0) {
    busy.push(`${running.runtime.running} invocations running`);
  }
  const batches = running.pollers.reduce(
    (sum, poller) => sum + poller.activeBatches,
    0,
  );
  if (batches > 0) busy.push(`${batches} SQS batches in progress`);

  const queues = await readQueueStats(
    running.standIns.internalSqs,
    running.queues,
  );
  for (const [name, queue] of Object.entries(queues)) {
    const messages = queue.visible + queue.inFlight + queue.delayed;
    if (messages > 0 && !running.queues.isDeadLetterQueue(name)) {
      busy.push(
        `queue ${name} has ${queue.visible} visible, ${queue.inFlight} in flight and ${queue.delayed} delayed messages`,
      );
    }
  }
  return busy;
}

async function waitForIdle(
  findBusy: () => Promise<string[]>,
  timeoutMs = DEFAULT_IDLE_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let busy = await findBusy();
    if (busy.length === 0) {
      await sleep(IDLE_CONFIRM_MS);
      busy = await findBusy();
      if (busy.length === 0) return;
    }
    if (Date.now() >= deadline) throw new IdleTimeoutError(timeoutMs, busy);
    await sleep(IDLE_POLL_MS);
  }
}

async function answerAdmin(
  method: string,
  path: string,
  stats: () => Promise<LocalCloudStats>,
  findBusy: () => Promise<string[]>,
) {
  if (method !== 'GET') return undefined;
  if (path === '/_local/stats') return jsonResponse(200, await stats());
  if (path === '/_local/idle') {
    const busy = await findBusy();
    return jsonResponse(busy.length === 0 ? 200 : 503, {
      idle: busy.length === 0,
      busy,
    });
  }
  return undefined;
}

function toLogger(log: Logger | false | undefined): Logger {
  if (log === false) return silentLogger;
  return log ?? createConsoleLogger();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function definedPorts(
  ports: Partial<LocalCloudPorts> | undefined,
): Partial<LocalCloudPorts> {
  return Object.fromEntries(
    Object.entries(ports ?? {}).filter(([, port]) => port !== undefined),
  );
}
