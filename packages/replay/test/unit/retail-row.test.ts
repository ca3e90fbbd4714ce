import {
  isRetailHeader,
  parseInvoiceDate,
  parsePence,
  parseRetailRow,
} from '../../src/retail-row';

const VALID = [
  '536365',
  '85123A',
  'WHITE HANGING HEART T-LIGHT HOLDER',
  '6',
  '2010-12-01 08:26:00',
  '2.55',
  'C00001',
  'United Kingdom',
];

function parse(fields: string[]) {
  return parseRetailRow({ line: 2, fields }, 'day.csv');
}

function rowOf(fields: string[]) {
  const parsed = parse(fields);
  if (!parsed.ok) {
    throw new Error(`expected a valid row, got: ${parsed.detail}`);
  }
  return parsed.row;
}

describe('parseRetailRow', () => {
  it('converts a valid row', () => {
    const parsed = parse(VALID);

    expect(parsed).toEqual({
      ok: true,
      row: {
        file: 'day.csv',
        line: 2,
        invoiceNo: '536365',
        isCancellation: false,
        stockCode: '85123A',
        description: 'WHITE HANGING HEART T-LIGHT HOLDER',
        quantity: 6,
        invoiceDate: '2010-12-01 08:26:00',
        timeMs: Date.UTC(2010, 11, 1, 8, 26, 0),
        unitPrice: 255,
        customerId: 'C00001',
      },
    });
  });

  it('recognises a cancellation invoice', () => {
    const row = rowOf(['C536379', ...VALID.slice(1)]);

    expect(row.isCancellation).toBe(true);
  });

  it('keeps an empty CustomerID', () => {
    const fields = [...VALID];
    fields[6] = '';

    const row = rowOf(fields);

    expect(row.customerId).toBe('');
  });

  it.each([
    ['a missing field', VALID.slice(0, 7), /expected 8 fields, found 7/],
    ['an invoice letter', ['A563185', ...VALID.slice(1)], /InvoiceNo/],
    ['a decimal quantity', replace(3, '1.5'), /Quantity "1.5"/],
    ['an invalid date', replace(4, '2010-02-30 08:00:00'), /InvoiceDate/],
    ['a text price', replace(5, 'free'), /UnitPrice "free"/],
    ['an empty StockCode', replace(1, ''), /empty StockCode/],
  ])('rejects %s', (_case, fields, detail) => {
    const parsed = parse(fields);

    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.detail).toMatch(detail);
  });

  it('rejects a record the parser marked malformed', () => {
    const parsed = parseRetailRow(
      { line: 9, fields: VALID, malformed: 'text after a closing quote' },
      'day.csv',
    );

    expect(parsed).toEqual({ ok: false, detail: 'text after a closing quote' });
  });
});

describe('parsePence', () => {
  it.each([
    ['2.55', 255],
    ['2.1', 210],
    ['18', 1800],
    ['0.0', 0],
    ['-11062.06', -1106206],
    ['0.001', 0],
    ['0.125', 13],
  ])('converts %s to %i pence', (text, pence) => {
    expect(parsePence(text)).toBe(pence);
  });

  it('rejects text that is not a number', () => {
    expect(parsePence('1e3')).toBeUndefined();
  });
});

describe('parseInvoiceDate', () => {
  it('rejects a time past 23:59:59', () => {
    expect(parseInvoiceDate('2010-12-01 24:00:00')).toBeUndefined();
  });
});

describe('isRetailHeader', () => {
  it('accepts the Online Retail columns', () => {
    const fields = VALID.map(() => '');
    const header = [
      'InvoiceNo',
      'StockCode',
      'Description',
      'Quantity',
      'InvoiceDate',
      'UnitPrice',
      'CustomerID',
      'Country',
    ];

    expect(isRetailHeader({ line: 1, fields: header })).toBe(true);
    expect(isRetailHeader({ line: 1, fields })).toBe(false);
  });
});

function replace(index: number, value: string): string[] {
  const fields = [...VALID];
  fields[index] = value;
  return fields;
}
