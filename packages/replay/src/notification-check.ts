import { isRecord, type OrderStatus } from './platform-api';

/** Template names of the notifications service, one per order event. */
export const TEMPLATES = {
  confirmed: 'order-confirmed',
  rejected: 'order-rejected',
  cancelled: 'order-cancelled',
} as const;

/** An accepted order with the templates of its delivered notifications. */
export interface OrderNotifications {
  orderId: string;
  status: OrderStatus;
  /** Undefined when `GET /notifications/{orderId}` failed. */
  templates: string[] | undefined;
}

export interface NotificationMismatch {
  orderId: string;
  status: OrderStatus;
  expected: string[];
  delivered: string[] | undefined;
}

export interface NotificationCheck {
  delivered: number;
  expected: number;
  mismatchCount: number;
  firstMismatches: NotificationMismatch[];
}

const LISTED_MISMATCHES = 10;

/** Returns the template of each delivered notification item. */
export function templatesOf(items: unknown[]): string[] {
  return items.map((item) =>
    isRecord(item) && typeof item.template === 'string'
      ? item.template
      : 'unknown',
  );
}

/**
 * Reports whether a CANCELLED order was CONFIRMED first.
 * NOTE: the order record keeps no history, so this reads the delivered
 * notifications. A cancelled order whose confirmation message was lost
 * therefore counts as cancelled while PENDING, and the loss goes unseen.
 */
export function wasConfirmedBeforeCancel(order: OrderNotifications): boolean {
  return (
    order.status === 'CANCELLED' &&
    (order.templates ?? []).includes(TEMPLATES.confirmed)
  );
}

/**
 * Lists the notifications an order should have: one per terminal
 * transition. CONFIRMED and REJECTED get one; CANCELLED gets one, plus the
 * confirmation when it was CONFIRMED first; PENDING gets none.
 */
export function expectedTemplates(
  status: OrderStatus,
  confirmedBeforeCancel: boolean,
): string[] {
  switch (status) {
    case 'CONFIRMED':
      return [TEMPLATES.confirmed];
    case 'REJECTED':
      return [TEMPLATES.rejected];
    case 'CANCELLED':
      return confirmedBeforeCancel
        ? [TEMPLATES.confirmed, TEMPLATES.cancelled]
        : [TEMPLATES.cancelled];
    default:
      return [];
  }
}

/** Compares delivered notifications with the expected ones, per order. */
export function checkNotifications(
  orders: OrderNotifications[],
): NotificationCheck {
  const check: NotificationCheck = {
    delivered: 0,
    expected: 0,
    mismatchCount: 0,
    firstMismatches: [],
  };

  for (const order of orders) {
    const expected = expectedTemplates(
      order.status,
      wasConfirmedBeforeCancel(order),
    );
    check.expected += expected.length;
    check.delivered += order.templates?.length ?? 0;
    if (sameTemplates(expected, order.templates)) {
      continue;
    }

    check.mismatchCount += 1;
    if (check.firstMismatches.length < LISTED_MISMATCHES) {
      check.firstMismatches.push({
        orderId: order.orderId,
        status: order.status,
        expected,
        delivered: order.templates,
      });
    }
  }
  return check;
}

function sameTemplates(expected: string[], delivered: string[] | undefined) {
  if (delivered === undefined || delivered.length !== expected.length) {
    return false;
  }
  const sorted = [...delivered].sort();
  return [...expected].sort().every((template, i) => template === sorted[i]);
}
