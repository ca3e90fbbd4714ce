import type { ReservationLine } from '../data/reservation';

/**
 * Sums the quantities of each SKU, because an order may list one SKU on
 * several lines, and sorts the result by SKU so every attempt for an order
 * works through the SKUs in the same order.
 */
export function aggregateLines(
  lines: ReadonlyArray<{ sku: string; quantity: number }>,
): ReservationLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) {
    totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  }

  return [...totals]
    .map(([sku, quantity]) => ({ sku, quantity }))
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}
