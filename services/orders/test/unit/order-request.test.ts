import {
  deriveOrderId,
  distinctSkus,
  hashOrderRequest,
  MAX_ORDER_LINES,
  type OrderRequest,
  orderRequestSchema,
} from '../../src/domain/order-request';

const request: OrderRequest = {
  customerId: 'cust-1',
  currency: 'GBP',
  lines: [
    { sku: 'SKU-1', quantity: 2 },
    { sku: 'SKU-2', quantity: 1 },
  ],
};

describe('orderRequestSchema', () => {
  describe('lines', () => {
    it('accepts 1000 lines', () => {
      const lines = Array.from({ length: MAX_ORDER_LINES }, () => ({
        sku: 'SKU-1',
        quantity: 1,
      }));

      const result = orderRequestSchema.safeParse({ ...request, lines });

      expect(result.success).toBe(true);
    });

    it('names the count and limit past 1000', () => {
      const lines = Array.from({ length: 1200 }, () => ({
        sku: 'SKU-1',
        quantity: 1,
      }));

      const result = orderRequestSchema.safeParse({ ...request, lines });

      expect(result.error?.issues[0]?.message).toBe(
        'an order accepts at most 1000 lines, got 1200: split it into several orders',
      );
    });

    it('accepts a repeated SKU', () => {
      const lines = [
        { sku: 'SKU-1', quantity: 1 },
        { sku: 'SKU-1', quantity: 1 },
      ];

      const result = orderRequestSchema.safeParse({ ...request, lines });

      expect(result.success).toBe(true);
    });

    it.each([0, -1, 1.5, 100_001])('rejects quantity %s', (quantity) => {
      const lines = [{ sku: 'SKU-1', quantity }];

      const result = orderRequestSchema.safeParse({ ...request, lines });

      expect(result.error?.issues[0]?.path).toEqual(['lines', 0, 'quantity']);
    });

    it('accepts quantity 100000', () => {
      const lines = [{ sku: 'SKU-1', quantity: 100_000 }];

      const result = orderRequestSchema.safeParse({ ...request, lines });

      expect(result.success).toBe(true);
    });
  });
});

describe('hashOrderRequest', () => {
  it('hashes equal requests equally', () => {
    const copy = {
      ...request,
      lines: request.lines.map((line) => ({ ...line })),
    };

    expect(hashOrderRequest(copy)).toBe(hashOrderRequest(request));
  });

  it('depends on the line order', () => {
    const reversed = { ...request, lines: [...request.lines].reverse() };

    expect(hashOrderRequest(reversed)).not.toBe(hashOrderRequest(request));
  });

  it('depends on the quantities', () => {
    const changed = {
      ...request,
      lines: [{ sku: 'SKU-1', quantity: 3 }, ...request.lines.slice(1)],
    };

    expect(hashOrderRequest(changed)).not.toBe(hashOrderRequest(request));
  });
});

describe('deriveOrderId', () => {
  it('returns ord_ and 26 hex digits', () => {
    expect(deriveOrderId('cust-1', 'key-1')).toMatch(/^ord_[0-9a-f]{26}$/);
  });

  it('returns the same id for the same pair', () => {
    expect(deriveOrderId('cust-1', 'key-1')).toBe(
      deriveOrderId('cust-1', 'key-1'),
    );
  });

  it('separates customer and key', () => {
    expect(deriveOrderId('cust-1', 'key-1')).not.toBe(
      deriveOrderId('cust-1k', 'ey-1'),
    );
  });

  it('differs between customers', () => {
    expect(deriveOrderId('cust-1', 'key-1')).not.toBe(
      deriveOrderId('cust-2', 'key-1'),
    );
  });
});

describe('distinctSkus', () => {
  it('keeps the first appearance order', () => {
    const lines = [
      { sku: 'B', quantity: 1 },
      { sku: 'A', quantity: 1 },
      { sku: 'B', quantity: 2 },
    ];

    expect(distinctSkus(lines)).toEqual(['B', 'A']);
  });
});
