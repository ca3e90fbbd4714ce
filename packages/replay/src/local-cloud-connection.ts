import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  IdleTimeoutError as LocalCloudIdleTimeoutError,
  type LocalCloudOptions,
  type LocalCloudPorts,
  startLocalCloud,
} from '@retail/local-cloud';
import { IdleTimeoutError, LocalCloudUnavailableError } from './errors';
import { isRecord } from './platform-api';

/** Consumer settings and environment that replace the templates' values. */
export interface CloudOverrides {
  batchSize?: number;
  batchingWindowSeconds?: number;
  env?: Record<string, string>;
}

/** A local cloud the replay talks to, started here or already running. */
export interface CloudConnection {
  httpUrl: string;
  startedHere: boolean;
  /** The local cloud's meters, as `GET /_local/stats` returns them. */
  readStats(): Promise<unknown>;
  waitForIdle(timeoutMs: number): Promise<void>;
  /** Stops the cloud if this process started it; else does nothing. */
  stop(): Promise<void>;
}

export interface ConnectOptions {
  repoRoot: string;
  /** Start a new cloud even when one runs; needed to apply overrides. */
  startOwn?: boolean;
  /** Start it beside a running cloud, with no state file (for tests). */
  isolated?: boolean | undefined;
  overrides?: CloudOverrides;
  /** Ports of a cloud started here; 0 picks a free one. */
  ports?: Partial<LocalCloudPorts>;
  /** Passes the local cloud's own log lines to stderr. */
  verbose?: boolean;
}

/** Whether startLocalCloud applies `overrides`: it does. */
export const OVERRIDES_APPLIED: boolean = true;

const PROBE_TIMEOUT_MS = 2_000;
const IDLE_POLL_MS = 250;

/**
 * Uses the local cloud named in `.local-cloud/state.json` when its process
 * is alive and `/_local/idle` responds; otherwise starts one in this
 * process with every service.
 */
export async function connectLocalCloud(
  options: ConnectOptions,
): Promise<CloudConnection> {
  if (options.startOwn && options.isolated) return startInProcess(options);
  const running = await findRunningCloud(options.repoRoot);
  if (running !== undefined && options.startOwn) {
    throw new LocalCloudUnavailableError(
      `a local cloud is already running at ${running} (see .local-cloud/state.json): stop it first, because this command starts its own with different settings`,
    );
  }
  if (running !== undefined) {
    return connectToRunning(running);
  }
  return startInProcess(options);
}

/** Returns the HTTP URL of a live cloud from the state file, if any. */
export async function findRunningCloud(
  repoRoot: string,
): Promise<string | undefined> {
  const state = await readStateFile(repoRoot);
  if (state === undefined || !isProcessAlive(state.pid)) {
    return undefined;
  }
  try {
    const response = await fetch(new URL('/_local/idle', state.httpUrl), {
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return response.status === 200 || response.status === 503
      ? state.httpUrl
      : undefined;
  } catch {
    return undefined;
  }
}

async function readStateFile(
  repoRoot: string,
): Promise<{ pid: number; httpUrl: string } | undefined> {
  let text: string;
  try {
    text = await readFile(join(repoRoot, '.local-cloud', 'state.json'), 'utf8');
  } catch {
    return undefined;
  }

  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(state) || typeof state.pid !== 'number') {
    return undefined;
  }
  const urls = state.urls;
  if (!isRecord(urls) || typeof urls.http !== 'string') {
    return undefined;
  }
  return { pid: state.pid, httpUrl: urls.http };
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function connectToRunning(httpUrl: string): CloudConnection {
  return {
    httpUrl,
    startedHere: false,
    readStats: () => getJson(httpUrl, '/_local/stats'),
    waitForIdle: (timeoutMs) => pollIdle(httpUrl, timeoutMs),
    stop: async () => {},
  };
}

async function startInProcess(
  options: ConnectOptions,
): Promise<CloudConnection> {
  const cloudOptions: LocalCloudOptions = {
    repoRoot: options.repoRoot,
    stage: 'local',
    ...(options.ports ? { ports: options.ports } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.isolated ? { isolated: true } : {}),
    ...(options.verbose ? {} : { log: false }),
  };
  const cloud = await startLocalCloud(cloudOptions);
  return {
    httpUrl: cloud.urls.http,
    startedHere: true,
    readStats: async () => cloud.stats(),
    waitForIdle: async (timeoutMs) => {
      try {
        await cloud.waitForIdle({ timeoutMs });
      } catch (error) {
        if (error instanceof LocalCloudIdleTimeoutError) {
          throw new IdleTimeoutError(timeoutMs, { cause: error });
        }
        throw error;
      }
    },
    stop: () => cloud.stop(),
  };
}

async function getJson(baseUrl: string, path: string): Promise<unknown> {
  const response = await fetch(new URL(path, baseUrl));
  if (response.status !== 200) {
    throw new LocalCloudUnavailableError(
      `GET ${path} returned ${response.status}: is the local cloud still running?`,
    );
  }
  return response.json();
}

/**
 * Polls `/_local/idle` until it returns 200 twice in a row, so that an
 * event between a queue and the next function does not pass for idle.
 */
async function pollIdle(httpUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let idleInARow = 0;
  let busy: unknown;
  while (idleInARow < 2) {
    if (Date.now() > deadline) {
      throw new IdleTimeoutError(timeoutMs, { cause: busy });
    }
    const response = await fetch(new URL('/_local/idle', httpUrl));
    busy = await response.json().catch(() => undefined);
    idleInARow = response.status === 200 ? idleInARow + 1 : 0;
    await sleep(IDLE_POLL_MS);
  }
}
