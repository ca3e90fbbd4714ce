import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Returns the nearest folder at or above `start` that contains
 * pnpm-workspace.yaml, or `start` when there is none.
 */
export function findRepoRoot(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start);
  }
}
