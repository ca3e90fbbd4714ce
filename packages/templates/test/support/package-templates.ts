import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../../..');
export const servicesDir = path.join(repoRoot, 'services');
const SKIPPED = new Set(['node_modules', '.serverless', '.esbuild']);
export const services = readdirSync(servicesDir).sort();

export interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
  Condition?: string;
  DeletionPolicy?: string;
  UpdatePolicy?: Record<string, unknown>;
}

export interface Template {
  Resources: Record<string, Resource>;
  Conditions?: Record<string, unknown>;
}

const PACKAGE_TIMEOUT_MS = 180_000;

/**
 * Packages one service for one stage in a copy of the service under
 * `copyRoot` and returns its template. osls empties the service's
 * .serverless folder on every package, even with `--package`, and the
 * local cloud and the integration tests read the `local` package there, so
 * the real service folder is never packaged from here.
 */
function runPackage(
  service: string,
  stage: string,
  copyRoot: string,
): Promise<Template> {
  const sourceDir = path.join(servicesDir, service);
  const copyDir = path.join(copyRoot, 'services', service);
  cpSync(sourceDir, copyDir, {
    recursive: true,
    filter: (source) => !SKIPPED.has(path.basename(source)),
  });
  // Absolute, so the workspace links inside node_modules still resolve.
  symlinkSync(
    path.join(sourceDir, 'node_modules'),
    path.join(copyDir, 'node_modules'),
  );
  const sls = path.join(sourceDir, 'node_modules/.bin/sls');
  return new Promise<Template>((resolve, reject) => {
    const child = spawn(sls, ['package', '--stage', stage], {
      cwd: copyDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    // osls can hang after a build error instead of exiting.
    const timer = setTimeout(() => child.kill('SIGKILL'), PACKAGE_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(
          new Error(
            `sls package --stage ${stage} failed for ${service} (exit ${code}):\n${output}`,
          ),
        );
        return;
      }
      const file = path.join(
        copyDir,
        '.serverless/cloudformation-template-update-stack.json',
      );
      resolve(JSON.parse(readFileSync(file, 'utf8')) as Template);
    });
  });
}

/**
 * Packages every service for each stage in temporary copies, all at once,
 * and returns the templates by stage and service.
 */
export async function packageTemplates(
  stages: string[],
): Promise<Map<string, Map<string, Template>>> {
  const root = mkdtempSync(path.join(tmpdir(), 'retail-templates-'));
  const byStage = new Map<string, Map<string, Template>>();

  try {
    for (const stage of stages) {
      const copyRoot = path.join(root, stage);
      mkdirSync(path.join(copyRoot, 'services'), { recursive: true });
      // The services' tsconfig.json extends the root one.
      copyFileSync(
        path.join(repoRoot, 'tsconfig.base.json'),
        path.join(copyRoot, 'tsconfig.base.json'),
      );
      byStage.set(stage, new Map());
    }
    const jobs = stages.flatMap((stage) =>
      services.map(async (service) => {
        const template = await runPackage(
          service,
          stage,
          path.join(root, stage),
        );
        byStage.get(stage)?.set(service, template);
      }),
    );
    await Promise.all(jobs);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return byStage;
}

/** Returns the logical ids and resources of one CloudFormation type. */
export function resourcesOfType(
  template: Template,
  type: string,
): [string, Resource][] {
  return Object.entries(template.Resources).filter(
    ([, resource]) => resource.Type === type,
  );
}

/** Returns the logical id that a `Ref` or `Fn::GetAtt` value points at. */
export function referencedId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.Ref === 'string') return record.Ref;
  const getAtt = record['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  return undefined;
}
