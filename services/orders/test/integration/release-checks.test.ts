import path from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type ReleaseTarget, runReleaseChecks } from '@retail/shared/release';
import {
  expectChecksCoverTemplate,
  readPackagedTemplate,
} from '@retail/testing';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { createHttpHandler } from '../../src/handlers/http';
import { releaseChecks } from '../../src/release-checks';
import { startTestbed, type Testbed } from '../support/testbed';

const template = readPackagedTemplate(path.resolve(__dirname, '../..'));

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

      const result = await runReleaseChecks({
        checks: releaseChecks,
        target,
        handlers: {
          http: createHttpHandler(testbed.deps),
          consumer: createConsumerHandler(testbed.deps),
        },
        logger: testbed.deps.logger,
      });

      expect(result).toEqual({
        status: 'Succeeded',
        failures: [],
        reported: ['Succeeded'],
      });
      expect(await allItems()).toEqual(before);
      expect(testbed.publisher.events).toEqual([]);
    },
  );
});
