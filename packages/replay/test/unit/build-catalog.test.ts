import { buildInitialStock, ceilOfProduct } from '../../src/build-catalog';
import { planOf } from './retail-csv';

describe('catalog rule', () => {
  it('has one product per product StockCode of used rows', async () => {
    const plan = await planOf([
      { invoice: '1', code: '22633' },
      { invoice: '2', code: '22633' },
      { invoice: '2', code: 'POST' },
      { invoice: '3', code: '71053', quantity: -1 },
    ]);

    expect(plan.catalog.map((product) => product.sku)).toEqual(['22633']);
  });

  it('names a product by its first non-empty description', async () => {
    const plan = await planOf([
      { invoice: '1', description: '' },
      { invoice: '2', description: 'TRAY, BREAKFAST IN BED' },
      { invoice: '3', description: 'OTHER NAME' },
    ]);

    expect(plan.catalog[0]?.name).toBe('TRAY, BREAKFAST IN BED');
  });

  it('names a product without descriptions by its StockCode', async () => {
    const plan = await planOf([{ invoice: '1', description: '' }]);

    expect(plan.catalog[0]?.name).toBe('85123A');
  });

  it('prices a product at its most frequent UnitPrice', async () => {
    const plan = await planOf([
      { invoice: '1', price: '2.95' },
      { invoice: '2', price: '2.55' },
      { invoice: '3', price: '2.55' },
    ]);

    expect(plan.catalog[0]?.price).toEqual({ amount: 255, currency: 'GBP' });
  });

  it('breaks a price tie with the lower price', async () => {
    const plan = await planOf([
      { invoice: '1', price: '2.95' },
      { invoice: '2', price: '2.55' },
    ]);

    expect(plan.catalog[0]?.price.amount).toBe(255);
  });

  it('ignores prices of skipped rows', async () => {
    const plan = await planOf([
      { invoice: '1', price: '0.0' },
      { invoice: '2', price: '0.0' },
      { invoice: '3', price: '4.25' },
    ]);

    expect(plan.catalog[0]?.price.amount).toBe(425);
  });

  it('keeps StockCodes that differ in case apart', async () => {
    const plan = await planOf([
      { invoice: '1', code: '85123A' },
      { invoice: '2', code: '85123a' },
    ]);

    expect(plan.catalog.map((product) => product.sku)).toEqual([
      '85123A',
      '85123a',
    ]);
  });
});

describe('initial stock rule', () => {
  it('rounds the ratio of the ordered quantity up', () => {
    const stock = buildInitialStock(
      [
        { lines: [{ sku: 'A', quantity: 7 }] },
        { lines: [{ sku: 'A', quantity: 4 }] },
        { lines: [{ sku: 'B', quantity: 1 }] },
      ],
      0.9,
    );

    expect(stock).toEqual([
      { sku: 'A', available: 10 },
      { sku: 'B', available: 1 },
    ]);
  });

  it('counts only used sale rows', async () => {
    const plan = await planOf([
      { invoice: '1', quantity: 10 },
      { invoice: '2', quantity: 10, price: '0.0' },
      { invoice: 'C3', quantity: -5 },
    ]);

    expect(plan.initialStock).toEqual([{ sku: '85123A', available: 9 }]);
  });

  it.each([
    [10, 0.9, 9],
    [3, 0.9, 3],
    [100, 0.5, 50],
    [7, 0, 0],
    [5, 1.5, 8],
  ])('ceil(%i x %f) is %i', (quantity, ratio, expected) => {
    expect(ceilOfProduct(quantity, ratio)).toBe(expected);
  });
});
