import {
  type Money,
  moneySchema,
  toEpochSeconds,
  toIsoTime,
} from '@retail/shared';
import {
  Entity,
  type FormattedItem,
  item,
  list,
  map,
  number,
  string,
} from 'dynamodb-toolbox';
import { ORDER_STATUSES, type Order } from '../domain/order';
import type { OrdersTable } from './table';

const moneyAttribute = () =>
  map({ amount: number(), currency: string().enum('GBP', 'EUR', 'USD') });

/**
 * Creates the order entity. It stores times as ISO-8601 strings, `ttl` as
 * epoch seconds and money as integer minor units with a currency, and
 * leaves out an absent rejection or cancellation instead of an empty map.
 */
export function createOrderEntity(table: OrdersTable) {
  return new Entity({
    name: 'Order',
    table,
    entityAttribute: false,
    timestamps: false,
    schema: item({
      orderId: string().key(),
      customerId: string(),
      status: string().enum(...ORDER_STATUSES),
      lines: list(
        map({
          lineNo: number(),
          sku: string(),
          name: string(),
          quantity: number(),
          unitPrice: moneyAttribute(),
          lineTotal: moneyAttribute(),
        }),
      ),
      total: moneyAttribute(),
      lineCount: number(),
      rejection: map({
        reason: string().enum('OUT_OF_STOCK', 'UNKNOWN_SKU'),
        sku: string().optional(),
      }).optional(),
      cancellation: map({ reason: string() }).optional(),
      createdAt: string(),
      updatedAt: string(),
      ttl: number().optional(),
      requestHash: string(),
    }),
  });
}

export type OrderEntity = ReturnType<typeof createOrderEntity>;
export type OrderItem = FormattedItem<OrderEntity>;

/**
 * Maps an order to its stored form. Dates become ISO-8601 strings and the
 * expiry becomes epoch seconds. Money held in any object, a class instance
 * included, becomes a plain { amount, currency } map. Throws RangeError for
 * an invalid date or a money amount that is not integer minor units.
 */
export function toOrderItem(order: Order): OrderItem {
  return {
    orderId: order.orderId,
    customerId: order.customerId,
    status: order.status,
    lines: order.lines.map((line) => ({
      lineNo: line.lineNo,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPrice: toMoneyAttribute(line.unitPrice),
      lineTotal: toMoneyAttribute(line.lineTotal),
    })),
    total: toMoneyAttribute(order.total),
    lineCount: order.lineCount,
    ...(order.rejection ? { rejection: toRejection(order.rejection) } : {}),
    ...(order.cancellation
      ? { cancellation: { reason: order.cancellation.reason } }
      : {}),
    createdAt: toIsoTime(order.createdAt),
    updatedAt: toIsoTime(order.updatedAt),
    ...(order.expiresAt ? { ttl: toEpochSeconds(order.expiresAt) } : {}),
    requestHash: order.requestHash,
  };
}

/** Maps a stored order back to an Order, the inverse of toOrderItem. */
export function fromOrderItem(stored: OrderItem): Order {
  return {
    orderId: stored.orderId,
    customerId: stored.customerId,
    status: stored.status,
    lines: stored.lines,
    total: stored.total,
    lineCount: stored.lineCount,
    ...(stored.rejection ? { rejection: stored.rejection } : {}),
    ...(stored.cancellation ? { cancellation: stored.cancellation } : {}),
    createdAt: new Date(stored.createdAt),
    updatedAt: new Date(stored.updatedAt),
    ...(stored.ttl === undefined
      ? {}
      : { expiresAt: new Date(stored.ttl * 1000) }),
    requestHash: stored.requestHash,
  };
}

/** Copies money into a plain map, checking it is integer minor units. */
export function toMoneyAttribute(money: Money): Money {
  const plain = { amount: money.amount, currency: money.currency };
  const result = moneySchema.safeParse(plain);
  if (!result.success) {
    throw new RangeError(
      `invalid money ${JSON.stringify(plain)}: expected a non-negative integer amount of minor units and GBP, EUR or USD`,
    );
  }
  return result.data;
}

function toRejection(rejection: NonNullable<Order['rejection']>) {
  return {
    reason: rejection.reason,
    ...(rejection.sku ? { sku: rejection.sku } : {}),
  };
}
