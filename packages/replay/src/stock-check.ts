import type { OrderLine, StockLevel } from './plan-types';
import type { OrderStatus } from './platform-api';

/** An accepted order's final state, as the stock check needs it. */
export interface FinalOrder {
  lines: OrderLine[];
  status: OrderStatus;
  /** True when the order was CONFIRMED before it was cancelled. */
  confirmedBeforeCancel: boolean;
}

export interface StockMismatch {
  sku: string;
  initial: number;
  reserved: number;
  released: number;
  expected: number;
  /** Undefined when `GET /stock/{sku}` returned no level. */
  actual: number | undefined;
}

export interface StockCheck {
  skusChecked: number;
  /** Units held by CONFIRMED orders and by orders cancelled after it. */
  reserved: number;
  /** Units given back by cancellations of CONFIRMED orders. */
  released: number;
  mismatchCount: number;
  firstMismatches: StockMismatch[];
}

/** How many mismatches the summary lists in full. */
export const LISTED_MISMATCHES = 10;

/**
 * Checks, per SKU, initial - reserved + released = final. An order
 * reserves its lines when it is CONFIRMED. A cancellation releases what a
 * CONFIRMED order reserved; an order cancelled while PENDING reserved and
 * releases nothing. REJECTED and PENDING orders hold no stock.
 */
export function checkStock(
  initial: StockLevel[],
  orders: FinalOrder[],
  finalLevels: ReadonlyMap<string, number | undefined>,
): StockCheck {
  const reserved = new Map<string, number>();
  const released = new Map<string, number>();
  for (const order of orders) {
    const reserves =
      order.status === 'CONFIRMED' ||
      (order.status === 'CANCELLED' && order.confirmedBeforeCancel);
    if (!reserves) {
      continue;
    }
    addLines(reserved, order.lines);
    if (order.status === 'CANCELLED') {
      addLines(released, order.lines);
    }
  }

  const mismatches: StockMismatch[] = [];
  for (const level of initial) {
    const reservedUnits = reserved.get(level.sku) ?? 0;
    const releasedUnits = released.get(level.sku) ?? 0;
    const expected = level.available - reservedUnits + releasedUnits;
    const actual = finalLevels.get(level.sku);
    if (actual !== expected) {
      mismatches.push({
        sku: level.sku,
        initial: level.available,
        reserved: reservedUnits,
        released: releasedUnits,
        expected,
        actual,
      });
    }
  }

  return {
    skusChecked: initial.length,
    reserved: sum(reserved),
    released: sum(released),
    mismatchCount: mismatches.length,
    firstMismatches: mismatches.slice(0, LISTED_MISMATCHES),
  };
}

function addLines(totals: Map<string, number>, lines: OrderLine[]): void {
  for (const line of lines) {
    totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  }
}

function sum(totals: Map<string, number>): number {
  let total = 0;
  for (const value of totals.values()) {
    total += value;
  }
  return total;
}
