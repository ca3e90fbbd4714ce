import path from 'node:path';

/** Returns the path of the template `sls package` writes for a service. */
export function templatePath(serviceDir: string): string {
  return path.join(
    serviceDir,
    '.serverless',
    'cloudformation-template-update-stack.json',
  );
}
