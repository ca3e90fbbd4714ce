import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../errors';

/** A service folder: `services/<name>` with a serverless.yml. */
export interface ServiceFolder {
  name: string;
  dir: string;
}

/**
 * Finds the services under `<repoRoot>/services`, keeping only `only` when
 * given. Throws when a requested service does not exist.
 */
export function findServices(
  repoRoot: string,
  only?: string[],
): ServiceFolder[] {
  const root = path.join(repoRoot, 'services');
  const all = existsSync(root)
    ? readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => ({
          name: entry.name,
          dir: path.join(root, entry.name),
        }))
        .filter((service) =>
          existsSync(path.join(service.dir, 'serverless.yml')),
        )
        .sort((a, b) => a.name.localeCompare(b.name))
    : [];
  if (!only) return all;

  const unknown = only.filter(
    (name) => !all.some((service) => service.name === name),
  );
  if (unknown.length > 0) {
    throw new ConfigurationError(
      `no service ${unknown.join(', ')} under ${root}; services with a serverless.yml: ${all.map((service) => service.name).join(', ') || 'none'}`,
    );
  }
  return all.filter((service) => only.includes(service.name));
}
