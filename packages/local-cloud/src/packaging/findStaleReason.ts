import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { templatePath } from './templatePath';

/** Files and folders whose changes make a packaged template stale. */
const SOURCES = ['serverless.yml', 'package.json', 'resources', 'src'];

/**
 * Returns why a service's packaged template must be rebuilt: it is missing,
 * or a source file was modified after it. Returns undefined when it is up
 * to date.
 */
export function findStaleReason(serviceDir: string): string | undefined {
  const template = templatePath(serviceDir);
  if (!existsSync(template)) return 'no packaged template';

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
