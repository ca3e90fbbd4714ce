import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ServerlessState {
  service?: {
    service?: string | { name?: string };
    serviceObject?: { name?: string };
    provider?: { stackName?: string };
  };
}

/**
 * Returns the CloudFormation stack name serverless deploys a service as:
 * provider.stackName, or `<service>-<stage>`, read from the
 * serverless-state.json that `sls package` writes. Falls back to
 * `<folder name>-<stage>` when that file is missing or unreadable.
 */
export function readStackName(serviceDir: string, stage: string): string {
  const fallback = `${path.basename(serviceDir)}-${stage}`;
  const file = path.join(serviceDir, '.serverless', 'serverless-state.json');
  if (!existsSync(file)) return fallback;

  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as ServerlessState;
    const service = state.service;
    const name =
      typeof service?.service === 'string'
        ? service.service
        : (service?.service?.name ?? service?.serviceObject?.name);
    return (
      service?.provider?.stackName ?? (name ? `${name}-${stage}` : fallback)
    );
  } catch {
    return fallback;
  }
}
