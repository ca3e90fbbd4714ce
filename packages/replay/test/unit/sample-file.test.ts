import { parseCsv } from '../../src/csv-parser';
import { buildReplayPlan } from '../../src/load-plan';
import { buildSampleCsv } from '../../src/sample-file';

async function samplePlan() {
  const text = buildSampleCsv();
  return buildReplayPlan([{ file: 'sample.csv', records: parseCsv(text) }]);
}

describe('buildSampleCsv', () => {
  it('gives the same text for the same seed', () => {
    expect(buildSampleCsv(7)).toBe(buildSampleCsv(7));
  });

  it('gives another text for another seed', () => {
    expect(buildSampleCsv(7)).not.toBe(buildSampleCsv(8));
  });

  it('spans about forty invoices over two days', async () => {
    const plan = await samplePlan();
    const invoices = plan.orders.length + plan.cancellations.length;
    const days = new Set(plan.orders.map((o) => o.invoiceDate.slice(0, 10)));

    expect(invoices).toBeGreaterThanOrEqual(35);
    expect(invoices).toBeLessThanOrEqual(45);
    expect([...days]).toEqual(['2010-12-01', '2010-12-02']);
  });

  it.each([
    'MALFORMED',
    'NON_PRODUCT_CODE',
    'NON_POSITIVE_QUANTITY',
    'NON_POSITIVE_PRICE',
    'GUEST_CANCELLATION',
    'CANCELLATION_WITHOUT_MATCH',
  ])('contains a row skipped as %s', async (reason) => {
    const plan = await samplePlan();

    expect(plan.skipped.some((row) => row.reason === reason)).toBe(true);
  });

  it('contains matching cancellations', async () => {
    const plan = await samplePlan();

    expect(plan.cancellations.length).toBeGreaterThanOrEqual(2);
  });

  it('contains a guest order', async () => {
    const plan = await samplePlan();

    expect(plan.orders.some((order) => order.customerId === 'guest')).toBe(
      true,
    );
  });

  it('contains an invoice over 100 lines with a repeated SKU', async () => {
    const plan = await samplePlan();
    const large = plan.orders.find((order) => order.lines.length > 100);
    const skus = new Set(large?.lines.map((line) => line.sku));

    expect(large).toBeDefined();
    expect(skus.size).toBeLessThan(large?.lines.length ?? 0);
  });

  it('contains five invoices in one minute', async () => {
    const plan = await samplePlan();
    const perMinute = new Map<string, number>();
    for (const order of plan.orders) {
      const minute = order.invoiceDate.slice(0, 16);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }

    expect(Math.max(...perMinute.values())).toBeGreaterThanOrEqual(5);
  });

  it('quotes descriptions with commas and quotes', () => {
    const text = buildSampleCsv();

    expect(text).toContain('"TRAY, BREAKFAST IN BED"');
    expect(text).toContain('"SWISS ROLL TOWEL, CHOCOLATE ""SPOTS"""');
  });

  it('accounts for every row', async () => {
    const plan = await samplePlan();
    const used = plan.orderRowsUsed + plan.cancellationRowsUsed;

    expect(used + plan.skipped.length).toBe(plan.rowsRead);
  });
});
