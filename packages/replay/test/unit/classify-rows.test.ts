import { isProductCode } from '../../src/classify-rows';
import { parseCsv } from '../../src/csv-parser';
import { InputFileError } from '../../src/errors';
import { buildReplayPlan } from '../../src/load-plan';
import { planOf } from './retail-csv';

describe('isProductCode', () => {
  it.each(['85123A', '71053', '15056BL', '85123a'])('accepts %s', (code) => {
    expect(isProductCode(code)).toBe(true);
  });

  it.each([
    'POST',
    'DOT',
    'M',
    'm',
    'C2',
    'D',
    'S',
    'AMAZONFEE',
    'BANK CHARGES',
    'DCGS0076',
    'gift_0001_40',
  ])('rejects %s', (code) => {
    expect(isProductCode(code)).toBe(false);
  });
});

describe('sale row classification', () => {
  it('skips non-product codes', async () => {
    const plan = await planOf([
      { invoice: '1' },
      { invoice: '1', code: 'POST', price: '18.00' },
    ]);

    expect(plan.skipped).toEqual([
      expect.objectContaining({
        line: 3,
        reason: 'NON_PRODUCT_CODE',
      }),
    ]);
    expect(plan.orders[0]?.lines).toHaveLength(1);
  });

  it('skips quantities of zero or less', async () => {
    const plan = await planOf([
      { invoice: '1', quantity: 0 },
      { invoice: '1', quantity: -4 },
      { invoice: '1', quantity: 2 },
    ]);

    expect(plan.skipped.map((row) => row.reason)).toEqual([
      'NON_POSITIVE_QUANTITY',
      'NON_POSITIVE_QUANTITY',
    ]);
  });

  it('skips prices of zero or less', async () => {
    const plan = await planOf([
      { invoice: '1', price: '0.0' },
      { invoice: '1', price: '-3.00' },
      { invoice: '1' },
    ]);

    expect(plan.skipped.map((row) => row.reason)).toEqual([
      'NON_POSITIVE_PRICE',
      'NON_POSITIVE_PRICE',
    ]);
  });

  it('skips quantities above the order line limit', async () => {
    const plan = await planOf([
      { invoice: '1', quantity: 100_001 },
      { invoice: '1', quantity: 100_000 },
    ]);

    expect(plan.skipped.map((row) => row.reason)).toEqual([
      'QUANTITY_OVER_LIMIT',
    ]);
  });

  it('skips rows of another customer on one invoice', async () => {
    const plan = await planOf([
      { invoice: '1', customer: 'C00001' },
      { invoice: '1', customer: 'C00002' },
    ]);

    expect(plan.skipped.map((row) => row.reason)).toEqual([
      'CUSTOMER_MISMATCH',
    ]);
  });

  it('skips lines beyond 1000 on one invoice', async () => {
    const rows = Array.from({ length: 1002 }, () => ({ invoice: '1' }));

    const plan = await planOf(rows);

    expect(plan.orders[0]?.lines).toHaveLength(1000);
    expect(plan.skipped.map((row) => row.reason)).toEqual([
      'LINE_LIMIT_EXCEEDED',
      'LINE_LIMIT_EXCEEDED',
    ]);
  });

  it('skips malformed rows with their line number', async () => {
    const plan = await buildReplayPlan([
      {
        file: 'day.csv',
        records: parseCsv(
          'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\r\n1,85123A,"bad"x,1,2010-12-01 08:26:00,2.55,C00001,UK\r\n',
        ),
      },
    ]);

    expect(plan.skipped).toEqual([
      {
        file: 'day.csv',
        line: 2,
        reason: 'MALFORMED',
        detail: 'text after a closing quote in field 3',
      },
    ]);
  });
});

describe('order building', () => {
  it('keeps one line per row, repeated SKUs included', async () => {
    const plan = await planOf([
      { invoice: '1', code: '22633', quantity: 2 },
      { invoice: '1', code: '22633', quantity: 3 },
    ]);

    expect(plan.orders[0]?.lines).toEqual([
      { sku: '22633', quantity: 2 },
      { sku: '22633', quantity: 3 },
    ]);
  });

  it('sends guests as customer guest', async () => {
    const plan = await planOf([{ invoice: '1', customer: '' }]);

    expect(plan.orders[0]?.customerId).toBe('guest');
  });

  it('uses the first row time of an invoice', async () => {
    const plan = await planOf([
      { invoice: '1', date: '2010-12-01 08:26:00' },
      { invoice: '1', date: '2010-12-01 08:27:00' },
    ]);

    expect(plan.orders[0]?.invoiceDate).toBe('2010-12-01 08:26:00');
  });

  it('sends no order for an invoice without usable rows', async () => {
    const plan = await planOf([{ invoice: '1', code: 'POST' }]);

    expect(plan.orders).toHaveLength(0);
  });

  it('accounts for every row read', async () => {
    const plan = await planOf([
      { invoice: '1' },
      { invoice: '1', code: 'DOT' },
      { invoice: 'C2', quantity: -1 },
      { invoice: 'C3', quantity: -1, customer: '' },
    ]);

    const used = plan.orderRowsUsed + plan.cancellationRowsUsed;
    expect(plan.rowsRead).toBe(4);
    expect(used + plan.skipped.length).toBe(plan.rowsRead);
  });
});

describe('input files', () => {
  it('rejects a file without the header', async () => {
    const records = parseCsv('1,85123A,X,1,2010-12-01 08:26:00,2.55,C1,UK\n');

    const plan = buildReplayPlan([{ file: 'bad.csv', records }]);

    await expect(plan).rejects.toThrow(InputFileError);
  });

  it('rejects an empty file', async () => {
    const plan = buildReplayPlan([{ file: 'empty.csv', records: [] }]);

    await expect(plan).rejects.toThrow(/empty/);
  });
});
