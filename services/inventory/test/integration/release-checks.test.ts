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
import { deliver, orderPlaced, seedStock } from '../support/fixtures';
import {
  startTestEnvironment,
  type TestEnvironment,
} from '../support/test-environment';

const template = readPackagedTemplate(path.resolve(__dirname, '../..'));

let env: TestEnvironment;

beforeAll(async () => {
  env = await startTestEnvironment();
  // Seeds a stock level and a reservation, so that "changes nothing"
  // compares non-empty tables, then clears the events the reservation
  // published.
  await seedStock(env.deps, { 'SKU-1': 5 });
  const failed = await deliver(createConsumerHandler(env.deps), [
    orderPlaced('O-1', [{ sku: 'SKU-1', quantity: 2 }]),
  ]);
  if (failed.length > 0) {
    throw new Error(
      `seeding the reservation failed for records ${failed.join(', ')}`,
    );
  }
  env.publisher.events.length = 0;
});

afterAll(async () => {
  await env.stop();
});

/** Scans every table, to show that the checks wrote nothing. */
async function allItems() {
  const items: Record<string, unknown[]> = {};
  for (const table of Object.values(env.tableNames)) {
    const { Items = [] } = await env.deps.documentClient.send(
      new ScanCommand({ TableName: table, ConsistentRead: true }),
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
    'pass on %s and change nothing',
    async (target) => {
      const before = await allItems();

      const result = await runReleaseChecks({
        checks: releaseChecks,
        target,
        handlers: {
          http: createHttpHandler(env.deps),
          consumer: createConsumerHandler(env.deps),
        },
        logger: env.deps.logger,
      });

      expect(result).toEqual({
        status: 'Succeeded',
        failures: [],
        reported: ['Succeeded'],
      });
      expect(before[env.tableNames.stock]).toHaveLength(1);
      expect(before[env.tableNames.reservations]).toHaveLength(1);
      expect(await allItems()).toEqual(before);
      expect(env.publisher.events).toEqual([]);
    },
  );
});
