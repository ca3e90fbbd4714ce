import { existsSync } from 'node:fs';
import {
  ConfigurationError,
  EnvironmentConflictError,
  ImportValueError,
} from '../../src/errors';
import { silentLogger } from '../../src/logger';
import { startLocalCloud } from '../../src/startLocalCloud';
import { stateFilePath } from '../../src/stateFile';
import type { CloudFormationTemplate } from '../../src/template/CloudFormationTemplate';
import {
  createFixtureRepo,
  readFixtureTemplate,
  removeFixtureRepo,
} from '../helpers/fixtureRepo';
import { freePort, isPortFree, workerPidsOf } from '../helpers/processes';

type Change = (template: CloudFormationTemplate) => void;

function properties(template: CloudFormationTemplate, logicalId: string) {
  const resource = template.Resources[logicalId];
  if (!resource?.Properties) throw new Error(`fixture has no ${logicalId}`);
  return resource.Properties as Record<
    string,
    Record<string, Record<string, unknown>>
  >;
}

const brokenStacks: [
  string,
  Change,
  new (...args: never[]) => Error,
  RegExp,
][] = [
  [
    'two functions setting one variable differently',
    (template) => {
      const environment = properties(
        template,
        'PartialLambdaFunction',
      ).Environment;
      if (environment?.Variables)
        environment.Variables.SHARED_SETTING = 'other';
    },
    EnvironmentConflictError,
    /SHARED_SETTING .*fixture-shop-local-http and fixture-shop-local-partial/,
  ],
  [
    'a queue whose visibility timeout is shorter than its consumer timeout',
    (template) => {
      properties(template, 'PartialQueue').VisibilityTimeout = 1 as never;
    },
    ConfigurationError,
    /VisibilityTimeout 1 s, less than the 5 s Timeout/,
  ],
  [
    'a handler whose file does not exist',
    (template) => {
      properties(template, 'ThrowingLambdaFunction').Handler =
        'src/handlers/gone.handler' as never;
    },
    ConfigurationError,
    /src\/handlers\/gone\.ts/,
  ],
  [
    'an import of another stack export',
    (template) => {
      properties(template, 'PartialQueue').QueueName = {
        'Fn::ImportValue': 'orders-queue',
      } as never;
    },
    ImportValueError,
    /"orders-queue"/,
  ],
];

describe('startLocalCloud with a broken stack', () => {
  it.each(brokenStacks)(
    'rejects %s and stops what it started',
    async (_, change, type, message) => {
      const template = readFixtureTemplate();
      change(template);
      const repoRoot = createFixtureRepo([{ name: 'shop', template }]);
      const ports = {
        http: await freePort(),
        dynamodb: await freePort(),
        sqs: await freePort(),
        eventbridge: await freePort(),
      };

      try {
        const starting = startLocalCloud({
          repoRoot,
          ports,
          log: silentLogger,
        });

        await expect(starting).rejects.toThrow(type);
        await expect(starting).rejects.toThrow(message);
        expect(existsSync(stateFilePath(repoRoot))).toBe(false);
        expect(workerPidsOf(process.pid)).toEqual([]);
        for (const port of Object.values(ports))
          expect(await isPortFree(port)).toBe(true);
      } finally {
        removeFixtureRepo(repoRoot);
      }
    },
  );

  it('rejects an unknown service name', async () => {
    const repoRoot = createFixtureRepo();
    try {
      await expect(
        startLocalCloud({ repoRoot, services: ['billing'], log: false }),
      ).rejects.toThrow('no service billing');
    } finally {
      removeFixtureRepo(repoRoot);
    }
  });
});
