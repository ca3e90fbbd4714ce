// One Jest project per workspace package, so `pnpm test` at the root runs
// them all. TypeScript is compiled by SWC; `pnpm typecheck` checks types.
const { readdirSync, existsSync } = require('node:fs');
const path = require('node:path');

const roots = ['packages', 'services'];

function workspacePackages() {
  return roots.flatMap((root) =>
    readdirSync(path.join(__dirname, root))
      .map((name) => path.join(root, name))
      .filter((dir) => existsSync(path.join(__dirname, dir, 'package.json'))),
  );
}

function project(dir) {
  return {
    displayName: dir,
    rootDir: path.join(__dirname, dir),
    testEnvironment: 'node',
    testMatch: ['<rootDir>/test/**/*.test.ts'],
    transform: {
      '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2023' } }],
    },
    clearMocks: true,
    restoreMocks: true,
  };
}

/** @type {import('jest').Config} */
module.exports = {
  projects: workspacePackages().map(project),
  testTimeout: 30_000,
};
