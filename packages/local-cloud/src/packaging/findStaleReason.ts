import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { templatePath } from './templatePath';

/** Files and folders whose changes make a packaged template stale. */
const SOURCES = ['serverless.yml', 'package.json', 'resources', 'src'];

/**
 * Returns why a service's packaged template must be rebuilt: it is missing,
 * it was packaged for another stage, or a source file was modified after
 * it. Returns undefined when it is up to date.
 */
export function findStaleReason(
  serviceDir: string,
  stage?: string,
): string | undefined {
  const template = templatePath(serviceDir);
  if (!existsSync(template)) return 'no packaged template';

  const packagedStage = readPackagedStage(serviceDir);
  if (stage !== undefined && packagedStage !== stage) {
    return `the packaged template is for stage ${packagedStage ?? 'unknown'}, not ${stage}`;
  }

  const builtAt = statSync(template).mtimeMs;
  for (const source of SOURCES) {
    const newer = findNewerFile(path.join(serviceDir, source), builtAt);
    if (newer) {
      return `${path.relative(serviceDir, newer)} is newer than the packaged template`;
    }
  }
  return undefined;
}

function findNewerFile(file: string, since: number): string | undefined {
  if (!existsSync(file)) return undefined;

  const stats = statSync(file);
  if (!stats.isDirectory()) return stats.mtimeMs > since ? file : undefined;

  for (const entry of readdirSync(file)) {
    if (entry === 'node_modules') continue;
    const newer = findNewerFile(path.join(file, entry), since);
    if (newer) return newer;
  }
  return undefined;
}

/** Reads the stage `sls package` recorded in serverless-state.json. */
function readPackagedStage(serviceDir: string): string | undefined {
  const state = path.join(serviceDir, '.serverless/serverless-state.json');
  if (!existsSync(state)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(state, 'utf8')) as {
      service?: { provider?: { stage?: string } };
    };
    return parsed.service?.provider?.stage;
  } catch {
    return undefined;
  }
}
