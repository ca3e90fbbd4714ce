import { aggregateLines } from '../../src/reservation/aggregate-lines';

describe('aggregateLines', () => {
  it('sums quantities of repeated SKUs', () => {
    const lines = [
      { sku: 'A', quantity: 2 },
      { sku: 'B', quantity: 1 },
      { sku: 'A', quantity: 3 },
    ];

    const aggregated = aggregateLines(lines);

    expect(aggregated).toEqual([
      { sku: 'A', quantity: 5 },
      { sku: 'B', quantity: 1 },
    ]);
  });

  it('sorts the SKUs', () => {
    const lines = [
      { sku: 'C', quantity: 1 },
      { sku: 'A', quantity: 1 },
      { sku: 'B', quantity: 1 },
    ];

    const aggregated = aggregateLines(lines);

    expect(aggregated.map((line) => line.sku)).toEqual(['A', 'B', 'C']);
  });

  it('returns the same order for shuffled input', () => {
    const lines = [
      { sku: 'B', quantity: 1 },
      { sku: 'A', quantity: 2 },
    ];

    const forward = aggregateLines(lines);
    const backward = aggregateLines([...lines].reverse());

    expect(backward).toEqual(forward);
  });
});
