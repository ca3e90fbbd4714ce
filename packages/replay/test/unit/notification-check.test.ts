import {
  checkNotifications,
  expectedTemplates,
  templatesOf,
} from '../../src/notification-check';

describe('expectedTemplates', () => {
  it.each([
    ['CONFIRMED', false, ['order-confirmed']],
    ['REJECTED', false, ['order-rejected']],
    ['CANCELLED', false, ['order-cancelled']],
    ['CANCELLED', true, ['order-confirmed', 'order-cancelled']],
    ['PENDING', false, []],
  ] as const)(
    'expects for %s (confirmed first: %s)',
    (status, confirmed, templates) => {
      expect(expectedTemplates(status, confirmed)).toEqual(templates);
    },
  );
});

describe('checkNotifications', () => {
  it('counts one notification per terminal transition', () => {
    const check = checkNotifications([
      { orderId: 'o1', status: 'CONFIRMED', templates: ['order-confirmed'] },
      {
        orderId: 'o2',
        status: 'CANCELLED',
        templates: ['order-confirmed', 'order-cancelled'],
      },
      { orderId: 'o3', status: 'CANCELLED', templates: ['order-cancelled'] },
    ]);

    expect(check.expected).toBe(4);
    expect(check.delivered).toBe(4);
    expect(check.mismatchCount).toBe(0);
  });

  it('reports a duplicate delivery', () => {
    const check = checkNotifications([
      {
        orderId: 'o1',
        status: 'REJECTED',
        templates: ['order-rejected', 'order-rejected'],
      },
    ]);

    expect(check.mismatchCount).toBe(1);
    expect(check.delivered).toBe(2);
  });

  it('reports a missing delivery', () => {
    const check = checkNotifications([
      { orderId: 'o1', status: 'CONFIRMED', templates: [] },
    ]);

    expect(check.firstMismatches).toEqual([
      {
        orderId: 'o1',
        status: 'CONFIRMED',
        expected: ['order-confirmed'],
        delivered: [],
      },
    ]);
  });

  it('reports notifications that could not be read', () => {
    const check = checkNotifications([
      { orderId: 'o1', status: 'CONFIRMED', templates: undefined },
    ]);

    expect(check.mismatchCount).toBe(1);
  });
});

describe('templatesOf', () => {
  it('reads the template of each item', () => {
    expect(templatesOf([{ template: 'order-rejected' }, { other: 1 }])).toEqual(
      ['order-rejected', 'unknown'],
    );
  });
});
