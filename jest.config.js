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
    resolver: path.join(__dirname, 'jest.resolver.js'),
    testMatch: ['<rootDir>/test/**/*.test.ts'],
    transform: {
      '^.+\\.(ts|js|mjs)$': ['@swc/jest', { jsc: { target: 'es2023' } }],
    },
    // middy and dynamodb-toolbox ship only ES modules, so SWC compiles
    // them to CommonJS for Jest like the project's own files.
    transformIgnorePatterns: [
      '/node_modules/(?!(\\.pnpm/[^/]+/node_modules/)?(@middy|dynamodb-toolbox)/)',
    ],
    clearMocks: true,
    restoreMocks: true,
  };
}

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/scripts/jest-global-setup.mjs',
  projects: workspacePackages().map(project),
  testTimeout: 30_000,
};
