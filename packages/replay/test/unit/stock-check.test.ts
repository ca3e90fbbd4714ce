import { checkStock, type FinalOrder } from '../../src/stock-check';

const INITIAL = [
  { sku: 'A', available: 10 },
  { sku: 'B', available: 5 },
];

function order(
  status: FinalOrder['status'],
  lines: FinalOrder['lines'],
  confirmedBeforeCancel = false,
): FinalOrder {
  return { status, lines, confirmedBeforeCancel };
}

describe('checkStock', () => {
  it('subtracts the lines of confirmed orders', () => {
    const check = checkStock(
      INITIAL,
      [order('CONFIRMED', [{ sku: 'A', quantity: 3 }])],
      new Map([
        ['A', 7],
        ['B', 5],
      ]),
    );

    expect(check.mismatchCount).toBe(0);
    expect(check.reserved).toBe(3);
  });

  it('adds lines repeated on one order', () => {
    const check = checkStock(
      INITIAL,
      [
        order('CONFIRMED', [
          { sku: 'A', quantity: 2 },
          { sku: 'A', quantity: 4 },
        ]),
      ],
      new Map([
        ['A', 4],
        ['B', 5],
      ]),
    );

    expect(check.mismatchCount).toBe(0);
  });

  it('ignores rejected and pending orders', () => {
    const check = checkStock(
      INITIAL,
      [
        order('REJECTED', [{ sku: 'A', quantity: 3 }]),
        order('PENDING', [{ sku: 'B', quantity: 1 }]),
      ],
      new Map([
        ['A', 10],
        ['B', 5],
      ]),
    );

    expect(check.mismatchCount).toBe(0);
  });

  it('releases a cancellation of a confirmed order', () => {
    const check = checkStock(
      INITIAL,
      [order('CANCELLED', [{ sku: 'B', quantity: 2 }], true)],
      new Map([
        ['A', 10],
        ['B', 5],
      ]),
    );

    expect(check.mismatchCount).toBe(0);
    expect(check.released).toBe(2);
  });

  it('releases nothing for an order cancelled while pending', () => {
    const check = checkStock(
      INITIAL,
      [order('CANCELLED', [{ sku: 'B', quantity: 2 }], false)],
      new Map([
        ['A', 10],
        ['B', 5],
      ]),
    );

    expect(check.mismatchCount).toBe(0);
    expect(check.released).toBe(0);
  });

  it('reports a SKU whose final level differs', () => {
    const check = checkStock(
      INITIAL,
      [order('CONFIRMED', [{ sku: 'A', quantity: 3 }])],
      new Map([
        ['A', 6],
        ['B', 5],
      ]),
    );

    expect(check.mismatchCount).toBe(1);
    expect(check.firstMismatches).toEqual([
      {
        sku: 'A',
        initial: 10,
        reserved: 3,
        released: 0,
        expected: 7,
        actual: 6,
      },
    ]);
  });

  it('reports a SKU whose level could not be read', () => {
    const check = checkStock(INITIAL, [], new Map([['A', 10]]));

    expect(check.firstMismatches).toEqual([
      expect.objectContaining({ sku: 'B', actual: undefined }),
    ]);
  });

  it('lists at most ten mismatches', () => {
    const initial = Array.from({ length: 12 }, (_, i) => ({
      sku: `S${i}`,
      available: 1,
    }));

    const check = checkStock(initial, [], new Map());

    expect(check.mismatchCount).toBe(12);
    expect(check.firstMismatches).toHaveLength(10);
  });
});
