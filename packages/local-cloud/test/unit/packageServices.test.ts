import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, PackagingError } from '../../src/errors';
import { findServices } from '../../src/packaging/findServices';
import { findStaleReason } from '../../src/packaging/findStaleReason';
import {
  type CommandRunner,
  packageServices,
} from '../../src/packaging/packageServices';
import { templatePath } from '../../src/packaging/templatePath';
import { createRecordingLogger } from '../helpers/recordingLogger';

const HOUR_MS = 3_600_000;

function writeFile(file: string, ageMs: number, content = ''): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  const time = new Date(Date.now() - ageMs);
  utimesSync(file, time, time);
}

/** Creates a service whose sources are two hours old. */
function createService(
  root: string,
  name: string,
  templateAgeMs?: number,
): string {
  const dir = path.join(root, 'services', name);
  writeFile(
    path.join(dir, 'serverless.yml'),
    2 * HOUR_MS,
    `service: ${name}\n`,
  );
  writeFile(path.join(dir, 'package.json'), 2 * HOUR_MS, '{}');
  writeFile(path.join(dir, 'resources/tables.yml'), 2 * HOUR_MS);
  writeFile(path.join(dir, 'src/handlers/http.ts'), 2 * HOUR_MS);
  if (templateAgeMs !== undefined) {
    writeFile(templatePath(dir), templateAgeMs, '{}');
    writeFile(
      path.join(dir, '.serverless/serverless-state.json'),
      templateAgeMs,
      JSON.stringify({ service: { provider: { stage: 'local' } } }),
    );
  }
  return dir;
}

describe('packaging', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'local-cloud-packaging-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  describe('findServices', () => {
    it('lists folders with a serverless.yml, sorted', () => {
      createService(root, 'orders');
      createService(root, 'catalog');
      mkdirSync(path.join(root, 'services/not-a-service'));

      expect(findServices(root).map((service) => service.name)).toEqual([
        'catalog',
        'orders',
      ]);
    });

    it('keeps only the requested services', () => {
      createService(root, 'orders');
      createService(root, 'catalog');

      expect(
        findServices(root, ['orders']).map((service) => service.name),
      ).toEqual(['orders']);
    });

    it('rejects an unknown service', () => {
      createService(root, 'orders');

      expect(() => findServices(root, ['billing'])).toThrow(ConfigurationError);
      expect(() => findServices(root, ['billing'])).toThrow(
        'services with a serverless.yml: orders',
      );
    });
  });

  describe('findStaleReason', () => {
    it('reports a missing template', () => {
      const dir = createService(root, 'orders');

      expect(findStaleReason(dir)).toBe('no packaged template');
    });

    it('accepts a template newer than every source', () => {
      const dir = createService(root, 'orders', HOUR_MS);

      expect(findStaleReason(dir)).toBeUndefined();
    });

    it.each([
      'serverless.yml',
      'package.json',
      'resources/tables.yml',
      'src/handlers/http.ts',
      'src/routes/new-route.ts',
    ])('reports %s when it is newer', (file) => {
      const dir = createService(root, 'orders', HOUR_MS);
      writeFile(path.join(dir, file), 0);

      expect(findStaleReason(dir)).toBe(
        `${file} is newer than the packaged template`,
      );
    });

    it('reports a template packaged for another stage', () => {
      const dir = createService(root, 'orders', HOUR_MS);
      writeFile(
        path.join(dir, '.serverless/serverless-state.json'),
        HOUR_MS,
        JSON.stringify({ service: { provider: { stage: 'dev' } } }),
      );

      expect(findStaleReason(dir, 'local')).toBe(
        'the packaged template is for stage dev, not local',
      );
    });

    it('ignores node_modules', () => {
      const dir = createService(root, 'orders', HOUR_MS);
      writeFile(path.join(dir, 'src/node_modules/x/index.js'), 0);

      expect(findStaleReason(dir)).toBeUndefined();
    });
  });

  describe('packageServices', () => {
    function controlledRunner() {
      const started: string[] = [];
      const finishers: (() => void)[] = [];
      let running = 0;
      let maxRunning = 0;
      const run: CommandRunner = (command, args, cwd) => {
        started.push(`${path.basename(cwd)}: ${command} ${args.join(' ')}`);
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        return new Promise((resolve) => {
          finishers.push(() => {
            running -= 1;
            resolve({ exitCode: 0, output: '' });
          });
        });
      };
      return { run, started, finishers, maxRunning: () => maxRunning };
    }

    it('packages only stale services', async () => {
      createService(root, 'catalog', HOUR_MS);
      createService(root, 'orders');
      const runner = controlledRunner();
      const { log } = createRecordingLogger();

      const packaging = packageServices(findServices(root), {
        stage: 'local',
        log,
        run: runner.run,
      });
      await new Promise(setImmediate);
      for (const finish of runner.finishers) finish();

      expect(await packaging).toEqual(['orders']);
      expect(runner.started).toEqual([
        'orders: pnpm exec sls package --stage local',
      ]);
    });

    it('runs at most two at a time', async () => {
      for (const name of ['catalog', 'inventory', 'notifications', 'orders']) {
        createService(root, name);
      }
      const runner = controlledRunner();
      const { log } = createRecordingLogger();

      const packaging = packageServices(findServices(root), {
        stage: 'local',
        log,
        run: runner.run,
      });
      for (let finished = 0; finished < 4; finished += 1) {
        await new Promise(setImmediate);
        expect(runner.started.length).toBe(Math.min(4, finished + 2));
        runner.finishers[finished]?.();
      }

      expect(await packaging).toHaveLength(4);
      expect(runner.maxRunning()).toBe(2);
    });

    it('logs what it packages and why', async () => {
      createService(root, 'orders');
      const { log, lines } = createRecordingLogger();

      await packageServices(findServices(root), {
        stage: 'local',
        log,
        run: async () => ({ exitCode: 0, output: '' }),
      });

      expect(lines[0]?.message).toBe('packaging orders: no packaged template');
      expect(lines[0]?.fields.command).toBe(
        'pnpm exec sls package --stage local',
      );
    });

    it('raises PackagingError with output', async () => {
      createService(root, 'orders');
      const { log } = createRecordingLogger();

      const packaging = packageServices(findServices(root), {
        stage: 'local',
        log,
        run: async () => ({
          exitCode: 1,
          output: 'line 1\nCannot resolve variable\n',
        }),
      });

      await expect(packaging).rejects.toThrow(PackagingError);
      await expect(packaging).rejects.toThrow('Cannot resolve variable');
    });
  });
});
