import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../errors';

/** Extensions tried, in order, for the module part of a Handler. */
const EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/**
 * Locates the module and export of a Lambda Handler such as
 * `src/handlers/http.handler`. The part before the last dot is a path
 * relative to the service folder, without its extension, which must be
 * one of those above. The part after it is the export name.
 */
export function resolveHandler(
  serviceDir: string,
  handler: string,
  functionName: string,
): { modulePath: string; exportName: string } {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) {
    throw new ConfigurationError(
      `function ${functionName} has Handler "${handler}"; expected <module path>.<export name>, such as src/handlers/http.handler`,
    );
  }

  const base = path.join(serviceDir, handler.slice(0, dot));
  const candidates = EXTENSIONS.map((extension) => base + extension);
  const modulePath = candidates.find((candidate) => existsSync(candidate));
  if (!modulePath) {
    throw new ConfigurationError(
      `function ${functionName} has Handler "${handler}", but none of ${candidates.map((candidate) => path.relative(serviceDir, candidate)).join(', ')} exists in ${serviceDir}`,
    );
  }
  return { modulePath, exportName: handler.slice(dot + 1) };
}
