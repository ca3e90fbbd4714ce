import { renderOrderCancelled } from '../../src/templates/order-cancelled';
import { renderOrderConfirmed } from '../../src/templates/order-confirmed';
import {
  describeRejection,
  renderOrderRejected,
} from '../../src/templates/order-rejected';

describe('renderOrderConfirmed', () => {
  const payload = {
    orderId: 'O-7',
    customerId: 'C-1',
    total: { amount: 2550, currency: 'GBP' as const },
    lineCount: 3,
  };

  it('names the order in the subject', () => {
    const message = renderOrderConfirmed(payload);

    expect(message.subject).toBe('Your order O-7 is confirmed');
  });

  it('formats the total as money', () => {
    const message = renderOrderConfirmed(payload);

    expect(message.text).toContain('3 items, £25.50 in total');
  });

  it('uses the singular for one item', () => {
    const message = renderOrderConfirmed({ ...payload, lineCount: 1 });

    expect(message.text).toContain('1 item, £25.50');
  });

  it('names its template', () => {
    const message = renderOrderConfirmed(payload);

    expect(message.template).toBe('order-confirmed');
  });
});

describe('renderOrderRejected', () => {
  const payload = {
    orderId: 'O-8',
    customerId: 'C-1',
    reason: 'OUT_OF_STOCK' as const,
    sku: 'SKU-2',
  };

  it('names the order in the subject', () => {
    const message = renderOrderRejected(payload);

    expect(message.subject).toBe('We could not accept your order O-8');
  });

  it('gives the reason in words', () => {
    const message = renderOrderRejected(payload);

    expect(message.text).toContain(
      'because an item is out of stock (SKU SKU-2).',
    );
  });

  it('names its template', () => {
    const message = renderOrderRejected(payload);

    expect(message.template).toBe('order-rejected');
  });
});

describe('describeRejection', () => {
  it.each([
    ['OUT_OF_STOCK', 'SKU-2', 'an item is out of stock (SKU SKU-2)'],
    ['UNKNOWN_SKU', 'SKU-9', 'an item is not in our catalogue (SKU SKU-9)'],
    ['OUT_OF_STOCK', undefined, 'an item is out of stock'],
    ['UNKNOWN_SKU', undefined, 'an item is not in our catalogue'],
  ] as const)('describes %s with SKU %s', (reason, sku, expected) => {
    const words = describeRejection(reason, sku);

    expect(words).toBe(expected);
  });
});

describe('renderOrderCancelled', () => {
  const payload = {
    orderId: 'O-9',
    customerId: 'C-1',
    reason: 'customer request',
  };

  it('names the order in the subject', () => {
    const message = renderOrderCancelled(payload);

    expect(message.subject).toBe('Your order O-9 is cancelled');
  });

  it('includes the cancellation reason', () => {
    const message = renderOrderCancelled(payload);

    expect(message.text).toContain('Reason: customer request.');
  });

  it('names its template', () => {
    const message = renderOrderCancelled(payload);

    expect(message.template).toBe('order-cancelled');
  });
});
