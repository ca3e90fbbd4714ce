import {
  createPriceStore,
  MAX_BATCH_GET_KEYS,
  PriceLookupError,
} from '../../src/data/prices';
import { injectUnprocessedKeys } from '../support/dynamo-faults';
import { startTestbed, type Testbed } from '../support/testbed';

let testbed: Testbed;
let remove: (() => void) | undefined;

beforeAll(async () => {
  testbed = await startTestbed();
});

afterAll(async () => {
  await testbed.stop();
});

beforeEach(async () => {
  await testbed.reset();
});

afterEach(() => {
  remove?.();
  remove = undefined;
});

const skus = Array.from({ length: 230 }, (_, i) => `SKU-${i}`);

describe('price store', () => {
  describe('getMany', () => {
    it('reads in chunks of 100 keys', async () => {
      await testbed.seedPrices(skus.map((sku) => ({ sku, amount: 10 })));
      const fault = injectUnprocessedKeys(testbed.dynamoClient, () => []);
      remove = fault.remove;

      const prices = await createPriceStore(testbed.deps).getMany(skus);

      expect(prices.size).toBe(230);
      expect(fault.calls.map((call) => call.length)).toEqual([
        MAX_BATCH_GET_KEYS,
        MAX_BATCH_GET_KEYS,
        30,
      ]);
    });

    it('leaves unknown SKUs out', async () => {
      await testbed.seedPrices([{ sku: 'SKU-1', amount: 10 }]);

      const prices = await createPriceStore(testbed.deps).getMany([
        'SKU-1',
        'SKU-X',
      ]);

      expect([...prices.keys()]).toEqual(['SKU-1']);
    });

    it('retries unprocessed keys', async () => {
      await testbed.seedPrices(
        skus.slice(0, 5).map((sku) => ({ sku, amount: 10 })),
      );
      const fault = injectUnprocessedKeys(testbed.dynamoClient, (call) =>
        call === 1 ? ['SKU-1', 'SKU-3'] : [],
      );
      remove = fault.remove;

      const prices = await createPriceStore(testbed.deps).getMany(
        skus.slice(0, 5),
      );

      expect(prices.size).toBe(5);
      expect(fault.calls).toEqual([skus.slice(0, 5), ['SKU-1', 'SKU-3']]);
    });

    it('fails keys unprocessed on every call', async () => {
      await testbed.seedPrices([{ sku: 'SKU-1', amount: 10 }]);
      const fault = injectUnprocessedKeys(testbed.dynamoClient, () => [
        'SKU-1',
      ]);
      remove = fault.remove;

      const read = createPriceStore(testbed.deps).getMany(['SKU-1']);

      await expect(read).rejects.toBeInstanceOf(PriceLookupError);
      expect(fault.calls).toHaveLength(5);
    });
  });
});
