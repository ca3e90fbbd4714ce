import { planOf } from './retail-csv';

const MORNING = '2010-12-01 08:00:00';
const NOON = '2010-12-01 12:00:00';
const EVENING = '2010-12-01 18:00:00';

describe('cancellation rule', () => {
  it('cancels the latest earlier order sharing a StockCode', async () => {
    const plan = await planOf([
      { invoice: '1', code: '22633', date: MORNING },
      { invoice: '2', code: '22633', date: NOON },
      { invoice: '3', code: '71053', date: NOON },
      { invoice: 'C4', code: '22633', quantity: -1, date: EVENING },
    ]);

    expect(plan.cancellations).toEqual([
      expect.objectContaining({ invoiceNo: 'C4', targetInvoiceNo: '2' }),
    ]);
  });

  it('ignores orders of other customers', async () => {
    const plan = await planOf([
      { invoice: '1', customer: 'C00001', date: MORNING },
      { invoice: '2', customer: 'C00002', date: NOON },
      { invoice: 'C3', customer: 'C00001', quantity: -1, date: EVENING },
    ]);

    expect(plan.cancellations[0]?.targetInvoiceNo).toBe('1');
  });

  it('ignores later orders', async () => {
    const plan = await planOf([
      { invoice: 'C1', quantity: -1, date: MORNING },
      { invoice: '2', date: NOON },
    ]);

    expect(plan.cancellations).toHaveLength(0);
    expect(plan.skipped[0]?.reason).toBe('CANCELLATION_WITHOUT_MATCH');
  });

  it('cancels each order at most once', async () => {
    const plan = await planOf([
      { invoice: '1', date: MORNING },
      { invoice: '2', date: NOON },
      { invoice: 'C3', quantity: -1, date: EVENING },
      { invoice: 'C4', quantity: -1, date: EVENING },
      { invoice: 'C5', quantity: -1, date: EVENING },
    ]);

    expect(plan.cancellations.map((c) => c.targetInvoiceNo)).toEqual([
      '2',
      '1',
    ]);
    expect(plan.skipped.map((row) => row.reason)).toEqual([
      'CANCELLATION_WITHOUT_MATCH',
    ]);
  });

  it('skips every row of an unmatched cancellation', async () => {
    const plan = await planOf([
      { invoice: '1', code: '22633', date: MORNING },
      { invoice: 'C2', code: '71053', quantity: -1, date: NOON },
      { invoice: 'C2', code: '84879', quantity: -2, date: NOON },
    ]);

    expect(plan.skipped.map((row) => [row.line, row.reason])).toEqual([
      [3, 'CANCELLATION_WITHOUT_MATCH'],
      [4, 'CANCELLATION_WITHOUT_MATCH'],
    ]);
  });

  it('skips a guest cancellation', async () => {
    const plan = await planOf([
      { invoice: '1', customer: '', date: MORNING },
      { invoice: 'C2', customer: '', quantity: -1, date: NOON },
    ]);

    expect(plan.cancellations).toHaveLength(0);
    expect(plan.skipped[0]?.reason).toBe('GUEST_CANCELLATION');
  });

  it('skips cancellation rows with a positive quantity', async () => {
    const plan = await planOf([
      { invoice: '1', date: MORNING },
      { invoice: 'C2', quantity: 3, date: NOON },
      { invoice: 'C2', quantity: -3, date: NOON },
    ]);

    expect(plan.skipped.map((row) => row.reason)).toEqual([
      'NON_NEGATIVE_CANCELLATION_QUANTITY',
    ]);
    expect(plan.cancellations[0]?.lines).toEqual([
      { sku: '85123A', quantity: 3 },
    ]);
  });

  it('matches only on product rows', async () => {
    const plan = await planOf([
      { invoice: '1', code: 'POST', date: MORNING },
      { invoice: '1', code: '22633', date: MORNING },
      { invoice: 'C2', code: 'POST', quantity: -1, date: NOON },
    ]);

    expect(plan.cancellations).toHaveLength(0);
    expect(plan.skipped.map((row) => row.reason)).toEqual([
      'NON_PRODUCT_CODE',
      'NON_PRODUCT_CODE',
    ]);
  });

  it('orders a same-minute invoice by file position', async () => {
    const plan = await planOf([
      { invoice: '1', date: NOON },
      { invoice: 'C2', quantity: -1, date: NOON },
    ]);

    expect(plan.cancellations[0]?.targetInvoiceNo).toBe('1');
  });
});
