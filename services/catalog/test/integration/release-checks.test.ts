import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { type ReleaseTarget, runReleaseChecks } from '@retail/shared/release';
import {
  expectChecksCoverTemplate,
  readPackagedTemplate,
} from '@retail/testing';
import { insertProduct } from '../../src/data/product-writes';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { createHttpHandler } from '../../src/handlers/http';
import { releaseChecks } from '../../src/release-checks';
import {
  createTestDependencies,
  SERVICE_DIR,
  startTestBed,
  type TestBed,
  type TestDependencies,
} from '../support/test-bed';

const template = readPackagedTemplate(SERVICE_DIR);

let bed: TestBed;
let deps: TestDependencies;

beforeAll(async () => {
  bed = await startTestBed();
  deps = createTestDependencies(bed);
  // Seeds a product, so that "changes nothing" compares a non-empty table.
  await insertProduct(
    deps.products,
    {
      sku: 'SKU-1',
      name: 'Mug',
      price: { amount: 1250, currency: 'GBP' },
      tags: ['kitchen'],
    },
    new Date(),
  );
});

afterAll(async () => {
  await bed.stop();
});

/** Scans the products table, to show that the checks wrote nothing. */
async function allItems() {
  const { Items = [] } = await bed.client.send(
    new ScanCommand({ TableName: bed.tableName, ConsistentRead: true }),
  );
  return Items;
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
          http: createHttpHandler(deps),
          consumer: createConsumerHandler(deps),
        },
        logger: deps.logger,
      });

      expect(result).toEqual({
        status: 'Succeeded',
        failures: [],
        reported: ['Succeeded'],
      });
      expect(before).toHaveLength(1);
      expect(await allItems()).toEqual(before);
      expect(deps.publisher.events).toEqual([]);
    },
  );
});
