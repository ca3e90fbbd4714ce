import path from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  createPreTrafficHook,
  type ReleaseTarget,
} from '@retail/shared/release';
import {
  expectChecksCoverTemplate,
  inProcessInvoker,
  readPackagedTemplate,
} from '@retail/testing';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { createHttpHandler } from '../../src/handlers/http';
import { releaseChecks } from '../../src/release-checks';
import { startTestbed, type Testbed } from '../support/testbed';

const template = readPackagedTemplate(path.resolve(__dirname, '../..'));
const FUNCTIONS = { http: 'orders-http', consumer: 'orders-consumer' };

let testbed: Testbed;

beforeAll(async () => {
  testbed = await startTestbed();
});

afterAll(async () => {
  await testbed.stop();
});

/** Returns every item of every table, to show that checks wrote nothing. */
async function allItems() {
  const items: Record<string, unknown[]> = {};
  for (const table of Object.values(testbed.tables)) {
    const { Items = [] } = await testbed.documentClient.send(
      new ScanCommand({ TableName: table }),
    );
    items[table] = Items;
  }
  return items;
}

function hookReleasing(target: ReleaseTarget, reports: string[]) {
  return createPreTrafficHook({
    checks: releaseChecks,
    functions: FUNCTIONS,
    deployments: {
      targetOf: async () => ({ functionName: FUNCTIONS[target], version: '2' }),
      report: async (_deploymentId, _executionId, status) => {
        reports.push(status);
      },
    },
    invoker: inProcessInvoker({
      [FUNCTIONS.http]: createHttpHandler(testbed.deps),
      [FUNCTIONS.consumer]: createConsumerHandler(testbed.deps),
    }),
    logger: testbed.deps.logger,
  });
}

describe('release checks', () => {
  it('cover every route and event type', () => {
    expect(() =>
      expectChecksCoverTemplate(releaseChecks, template),
    ).not.toThrow();
  });

  it.each<ReleaseTarget>(['http', 'consumer'])(
    'pass on the %s function and change nothing',
    async (target) => {
      await testbed.seedPrices([{ sku: 'SKU-1', amount: 250 }]);
      const before = await allItems();
      const reports: string[] = [];

      const result = await hookReleasing(
        target,
        reports,
      )({
        DeploymentId: 'd-1',
        LifecycleEventHookExecutionId: 'hook-1',
      });

      expect(result).toEqual({ status: 'Succeeded', failures: [] });
      expect(reports).toEqual(['Succeeded']);
      expect(await allItems()).toEqual(before);
      expect(testbed.publisher.events).toEqual([]);
    },
  );
});
