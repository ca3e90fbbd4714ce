import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { CloudFormationTemplate } from '../../src/template/CloudFormationTemplate';

const PACKAGE_DIR = path.resolve(__dirname, '../..');
const FIXTURE_DIR = path.join(PACKAGE_DIR, 'test/fixtures/shop');

/**
 * Test repositories live under the package's .local-cloud folder, which
 * git ignores, so that fixture handlers resolve the AWS SDK from the
 * package's node_modules.
 */
const REPOS_DIR = path.join(PACKAGE_DIR, '.local-cloud/test-repos');

export function readFixtureTemplate(): CloudFormationTemplate {
  return JSON.parse(
    readFileSync(path.join(FIXTURE_DIR, 'template.json'), 'utf8'),
  );
}

export interface FixtureService {
  name: string;
  template: CloudFormationTemplate;
}

/**
 * Creates a repository with the fixture service under `services/<name>`
 * and its template in `.serverless/`, newer than every source so that the
 * local cloud does not package it. Returns the repository root.
 */
export function createFixtureRepo(
  services: FixtureService[] = [
    { name: 'shop', template: readFixtureTemplate() },
  ],
): string {
  mkdirSync(REPOS_DIR, { recursive: true });
  const repoRoot = mkdtempSync(path.join(REPOS_DIR, 'repo-'));
  for (const service of services) addService(repoRoot, service);
  return repoRoot;
}

export function removeFixtureRepo(repoRoot: string): void {
  rmSync(repoRoot, { recursive: true, force: true });
}

function addService(repoRoot: string, service: FixtureService): void {
  const dir = path.join(repoRoot, 'services', service.name);
  cpSync(FIXTURE_DIR, dir, {
    recursive: true,
    filter: (source) => !source.endsWith('.json'),
  });

  const packaged = path.join(dir, '.serverless');
  mkdirSync(packaged);
  const templateFile = path.join(
    packaged,
    'cloudformation-template-update-stack.json',
  );
  writeFileSync(templateFile, JSON.stringify(service.template));
  cpSync(
    path.join(FIXTURE_DIR, 'serverless-state.json'),
    path.join(packaged, 'serverless-state.json'),
  );
  const future = new Date(Date.now() + 3_600_000);
  utimesSync(templateFile, future, future);
}
