import type { CatalogProduct, OrderLine, StockLevel } from './plan-types';
import type { RetailRow } from './retail-row';

interface ProductFacts {
  name: string;
  priceCounts: Map<number, number>;
}

/**
 * Builds the catalog from the used sale rows: one product per distinct
 * StockCode (case-sensitive, as written), named by its first non-empty
 * Description and priced at its most frequent UnitPrice. A tie goes to
 * the lower price. A product whose rows all lack a description is named
 * after its StockCode, since the catalog requires a name.
 */
export function buildCatalog(saleRows: RetailRow[]): CatalogProduct[] {
  const facts = new Map<string, ProductFacts>();
  for (const row of saleRows) {
    const product = facts.get(row.stockCode) ?? {
      name: '',
      priceCounts: new Map<number, number>(),
    };
    if (product.name === '' && row.description !== '') {
      product.name = row.description;
    }
    const count = product.priceCounts.get(row.unitPrice) ?? 0;
    product.priceCounts.set(row.unitPrice, count + 1);
    facts.set(row.stockCode, product);
  }

  return [...facts.entries()]
    .sort(([a], [b]) => compareCodes(a, b))
    .map(([sku, product]) => ({
      sku,
      name: product.name || sku,
      price: { amount: mostFrequentPrice(product), currency: 'GBP' },
    }));
}

function mostFrequentPrice(product: ProductFacts): number {
  let best = 0;
  let bestCount = 0;
  for (const [price, count] of product.priceCounts) {
    if (count > bestCount || (count === bestCount && price < best)) {
      best = price;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Sets each SKU's initial stock to ceil(total quantity ordered x ratio),
 * over every order of the replay. A ratio below 1 leaves some orders
 * short, so the rejection and release paths run.
 */
export function buildInitialStock(
  orders: { lines: OrderLine[] }[],
  ratio: number,
): StockLevel[] {
  const ordered = new Map<string, number>();
  for (const order of orders) {
    for (const line of order.lines) {
      ordered.set(line.sku, (ordered.get(line.sku) ?? 0) + line.quantity);
    }
  }

  return [...ordered.entries()]
    .sort(([a], [b]) => compareCodes(a, b))
    .map(([sku, quantity]) => ({
      sku,
      available: ceilOfProduct(quantity, ratio),
    }));
}

/**
 * Returns ceil(quantity x ratio) after rounding the product to 6 decimals,
 * so that 10 x 0.9 = 9.000000000000002 gives 9 and not 10.
 */
export function ceilOfProduct(quantity: number, ratio: number): number {
  return Math.ceil(Math.round(quantity * ratio * 1e6) / 1e6);
}

/** Orders StockCodes by UTF-16 code units, the same on every locale. */
function compareCodes(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
