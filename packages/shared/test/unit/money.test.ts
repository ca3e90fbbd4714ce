import {
  formatMoney,
  multiplyMoney,
  parseMoney,
  sumMoney,
} from '../../src/money';

describe('parseMoney', () => {
  test.each([
    ['2.55', 255],
    ['0.85', 85],
    ['12', 1200],
    ['4.1', 410],
    ['1.250', 125],
    ['0', 0],
  ])('converts %s to %i minor units', (decimal, amount) => {
    expect(parseMoney(decimal, 'GBP')).toEqual({ amount, currency: 'GBP' });
  });

  test.each(['-1.00', 'abc', '1.234', '1,50', ''])('rejects %p', (decimal) => {
    expect(() => parseMoney(decimal, 'GBP')).toThrow(RangeError);
  });
});

describe('money arithmetic', () => {
  test('multiplies and sums in minor units', () => {
    const line = multiplyMoney({ amount: 255, currency: 'GBP' }, 6);

    const total = sumMoney([line, { amount: 5, currency: 'GBP' }], 'GBP');

    expect(line.amount).toBe(1530);
    expect(total).toEqual({ amount: 1535, currency: 'GBP' });
  });

  test('rejects adding another currency', () => {
    expect(() => sumMoney([{ amount: 1, currency: 'EUR' }], 'GBP')).toThrow(
      /cannot add EUR to a GBP total/,
    );
  });

  test('formats pounds and pence', () => {
    expect(formatMoney({ amount: 1535, currency: 'GBP' })).toBe('£15.35');
  });
});
