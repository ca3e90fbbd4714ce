import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ReplayError } from './errors';

/**
 * Returns the workspace root: the nearest folder, from `start` upwards,
 * that contains pnpm-workspace.yaml.
 */
export function findRepoRoot(start = process.cwd()): string {
  let folder = resolve(start);
  while (!existsSync(join(folder, 'pnpm-workspace.yaml'))) {
    const parent = dirname(folder);
    if (parent === folder) {
      throw new ReplayError(
        `no pnpm-workspace.yaml found above ${start}: run from inside the workspace`,
      );
    }
    folder = parent;
  }
  return folder;
}

/**
 * Returns the Online Retail data folder: RETAIL_DATA_DIR when set, else
 * `../shared/data/online-retail` beside the repository root.
 */
export function retailDataDir(repoRoot = findRepoRoot()): string {
  const override = process.env.RETAIL_DATA_DIR;
  if (override) {
    return resolve(override);
  }
  return resolve(repoRoot, '..', 'shared', 'data', 'online-retail');
}
