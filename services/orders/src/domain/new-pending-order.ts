import { type Money, multiplyMoney, sumMoney } from '@retail/shared';
import { CurrencyMismatchError, UnknownSkuError } from '../errors';
import type { CatalogPrice } from './catalog-price';
import type { Order, OrderLine } from './order';
import { distinctSkus, type OrderRequest } from './order-request';

export interface NewOrderInput {
  orderId: string;
  request: OrderRequest;
  requestHash: string;
  /** Stored prices by SKU. A SKU missing here is unknown. */
  prices: Map<string, CatalogPrice>;
  now: Date;
}

type OrderablePrice = CatalogPrice & { name: string; price: Money };

/**
 * Prices every line and builds a PENDING order. Throws UnknownSkuError
 * listing every unknown or inactive SKU, then CurrencyMismatchError listing
 * every SKU priced in another currency, so nothing is written for them.
 */
export function newPendingOrder(input: NewOrderInput): Order {
  const { request } = input;
  const prices = orderablePrices(request, input.prices);
  const lines = request.lines.map((line, index) =>
    priceLine(line, index + 1, prices),
  );

  return {
    orderId: input.orderId,
    customerId: request.customerId,
    status: 'PENDING',
    lines,
    total: sumMoney(
      lines.map((line) => line.lineTotal),
      request.currency,
    ),
    lineCount: lines.length,
    createdAt: input.now,
    updatedAt: input.now,
    requestHash: input.requestHash,
  };
}

function orderablePrices(
  request: OrderRequest,
  found: Map<string, CatalogPrice>,
): Map<string, OrderablePrice> {
  const prices = new Map<string, OrderablePrice>();
  const unknown: string[] = [];
  for (const sku of distinctSkus(request.lines)) {
    const price = found.get(sku);
    if (isOrderable(price)) prices.set(sku, price);
    else unknown.push(sku);
  }
  if (unknown.length > 0) throw new UnknownSkuError(unknown);

  const foreign = [...prices.values()]
    .filter((price) => price.price.currency !== request.currency)
    .map((price) => price.sku);
  if (foreign.length > 0) {
    throw new CurrencyMismatchError(foreign, request.currency);
  }
  return prices;
}

function isOrderable(price: CatalogPrice | undefined): price is OrderablePrice {
  return price?.active === true && !!price.name && !!price.price;
}

function priceLine(
  line: OrderRequest['lines'][number],
  lineNo: number,
  prices: Map<string, OrderablePrice>,
): OrderLine {
  const price = prices.get(line.sku);
  if (!price) throw new UnknownSkuError([line.sku]);

  return {
    lineNo,
    sku: line.sku,
    name: price.name,
    quantity: line.quantity,
    unitPrice: price.price,
    lineTotal: multiplyMoney(price.price, line.quantity),
  };
}
