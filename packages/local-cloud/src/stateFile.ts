import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from './errors';

/** Contents of `.local-cloud/state.json` while a local cloud runs. */
export interface LocalCloudState {
  pid: number;
  startedAt: string;
  services: string[];
  urls: { http: string; dynamodb: string; sqs: string; eventbridge: string };
}

/** The folder, under the repository root, for state and function logs. */
export function localCloudDir(repoRoot: string): string {
  return path.join(repoRoot, '.local-cloud');
}

export function stateFilePath(repoRoot: string): string {
  return path.join(localCloudDir(repoRoot), 'state.json');
}

/** Returns the state of a running local cloud, or undefined if none runs. */
export function readRunningState(
  repoRoot: string,
): LocalCloudState | undefined {
  const file = stateFilePath(repoRoot);
  if (!existsSync(file)) return undefined;

  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as LocalCloudState;
    return isAlive(state.pid) ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Throws when another process runs a local cloud for this repository. */
export function checkNoRunningCloud(repoRoot: string): void {
  const running = readRunningState(repoRoot);
  if (running && running.pid !== process.pid) {
    throw new ConfigurationError(
      `a local cloud is already running for ${repoRoot} (pid ${running.pid}, HTTP API ${running.urls.http}); stop it first`,
    );
  }
}

export function writeStateFile(repoRoot: string, state: LocalCloudState): void {
  mkdirSync(localCloudDir(repoRoot), { recursive: true });
  writeFileSync(stateFilePath(repoRoot), `${JSON.stringify(state, null, 2)}\n`);
}

export function removeStateFile(repoRoot: string): void {
  rmSync(stateFilePath(repoRoot), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
