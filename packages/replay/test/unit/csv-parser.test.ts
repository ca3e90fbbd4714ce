import { CsvParser, parseCsv } from '../../src/csv-parser';

describe('parseCsv', () => {
  it('splits plain fields on commas', () => {
    const [record] = parseCsv('a,b,c\n');

    expect(record?.fields).toEqual(['a', 'b', 'c']);
  });

  it('keeps commas inside quoted fields', () => {
    const [record] = parseCsv('1,"TRAY, BREAKFAST IN BED",2\n');

    expect(record?.fields).toEqual(['1', 'TRAY, BREAKFAST IN BED', '2']);
  });

  it('reads doubled quotes as one quote', () => {
    const [record] = parseCsv('"RECORD FRAME 7"" SINGLE",x\n');

    expect(record?.fields).toEqual(['RECORD FRAME 7" SINGLE', 'x']);
  });

  it('keeps empty fields', () => {
    const [record] = parseCsv('a,,"",d,\n');

    expect(record?.fields).toEqual(['a', '', '', 'd', '']);
  });

  it('accepts CRLF and LF line endings', () => {
    const records = parseCsv('a,b\r\nc,d\ne,f\r\n');

    expect(records.map((record) => record.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('numbers records by their first line', () => {
    const records = parseCsv('h\r\n"two\r\nlines",x\r\nlast\r\n');

    expect(records.map((record) => record.line)).toEqual([1, 2, 4]);
  });

  it('keeps line breaks inside quoted fields', () => {
    const [, record] = parseCsv('h\r\n"two\r\nlines",x\r\n');

    expect(record?.fields).toEqual(['two\r\nlines', 'x']);
  });

  it('reads a last record without a line break', () => {
    const records = parseCsv('a,b\nc,d');

    expect(records.at(-1)?.fields).toEqual(['c', 'd']);
  });

  it('reports a blank line as a record with one empty field', () => {
    const records = parseCsv('a\n\nb\n');

    expect(records.map((record) => record.fields)).toEqual([
      ['a'],
      [''],
      ['b'],
    ]);
  });

  it('strips a byte order mark', () => {
    const [record] = parseCsv('\uFEFFInvoiceNo,StockCode\n');

    expect(record?.fields[0]).toBe('InvoiceNo');
  });

  it('marks a quote inside an unquoted field', () => {
    const [record, next] = parseCsv('a,b"c,d\ne,f\n');

    expect(record?.malformed).toMatch(/quote inside unquoted field 2/);
    expect(next?.malformed).toBeUndefined();
  });

  it('marks text after a closing quote', () => {
    const [record] = parseCsv('"a"b,c\n');

    expect(record?.malformed).toMatch(/text after a closing quote/);
  });

  it('marks a quoted field never closed', () => {
    const records = parseCsv('a,b\n"open,c\nd,e\n');

    expect(records).toHaveLength(2);
    expect(records[1]?.line).toBe(2);
    expect(records[1]?.malformed).toMatch(/never closed/);
  });
});

describe('CsvParser', () => {
  it('parses records split across chunks', () => {
    const parser = new CsvParser();
    const text = 'a,"b,\r\nc""d",e\r\nf,g\r\n';

    const records = [...text].flatMap((char) => parser.push(char));
    records.push(...parser.end());

    expect(records.map((record) => record.fields)).toEqual([
      ['a', 'b,\r\nc"d', 'e'],
      ['f', 'g'],
    ]);
    expect(records.map((record) => record.line)).toEqual([1, 3]);
  });
});
