import path from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type ReleaseTarget, runReleaseChecks } from '@retail/shared/release';
import {
  expectChecksCoverTemplate,
  lambdaContext,
  readPackagedTemplate,
  sqsEvent,
} from '@retail/testing';
import type { Dependencies } from '../../src/dependencies';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { createHttpHandler } from '../../src/handlers/http';
import type { OutgoingMessage } from '../../src/providers/notification-provider';
import { releaseChecks } from '../../src/release-checks';
import { testDependencies } from '../support/dependencies';
import { orderConfirmed, recordOf } from '../support/envelopes';
import {
  startDatabase,
  stopDatabase,
  type TestDatabase,
} from '../support/tables';

const template = readPackagedTemplate(path.resolve(__dirname, '../..'));

let database: TestDatabase;
let deps: Dependencies;
/** Messages passed to the provider, in the order of the send calls. */
const sent: OutgoingMessage[] = [];

beforeAll(async () => {
  database = await startDatabase();
  const outboxDeps = testDependencies(database);
  deps = {
    ...outboxDeps,
    provider: {
      name: outboxDeps.provider.name,
      send(message) {
        sent.push(message);
        return outboxDeps.provider.send(message);
      },
    },
  };
  // Delivers one message, so that "changes nothing" compares non-empty
  // deliveries, log and outbox tables.
  const seeded = await createConsumerHandler(deps)(
    sqsEvent([recordOf(orderConfirmed())]),
    lambdaContext(),
  );
  if (seeded.batchItemFailures.length > 0) {
    throw new Error(
      `seeding a delivered message failed: ${JSON.stringify(seeded.batchItemFailures)}`,
    );
  }
  sent.length = 0;
});

afterAll(async () => {
  await stopDatabase(database);
});

/** Scans every table, to show that the checks wrote nothing. */
async function allItems() {
  const items: Record<string, unknown[]> = {};
  for (const table of Object.values(database.tables)) {
    const { Items = [] } = await database.documentClient.send(
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
      for (const table of Object.values(database.tables)) {
        expect(before[table]).toHaveLength(1);
      }
      expect(await allItems()).toEqual(before);
      expect(sent).toEqual([]);
    },
  );
});
