import { toIsoTime } from '@retail/shared';
import {
  $set,
  GetItemCommand,
  isConditionCheckFailed,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import type { Dependencies } from '../dependencies';
import type {
  Cancellation,
  Order,
  OrderStatus,
  Rejection,
} from '../domain/order';
import {
  OrderAlreadyExistsError,
  OrderNotFoundError,
  OrderTooLargeError,
} from '../errors';
import {
  createOrderEntity,
  fromOrderItem,
  type OrderEntity,
  toOrderItem,
} from './order-item';
import { decodeCursor, encodeCursor } from './page-cursor';
import { createOrdersTable, type OrdersTable } from './table';

/** A status change, applied only when the order is in one of `from`. */
export interface OrderTransition {
  from: OrderStatus[];
  to: OrderStatus;
  at: Date;
  rejection?: Rejection;
  cancellation?: Cancellation;
}

export interface TransitionResult {
  /** The order after the change, or as it was when none was applied. */
  order: Order;
  applied: boolean;
}

export interface OrderPage {
  orders: Order[];
  /** Opaque cursor of the next page, present when more may follow. */
  nextCursor?: string;
}

/** Builds the reads and writes on the orders table. */
export function createOrderStore(
  deps: Pick<Dependencies, 'documentClient' | 'config'>,
) {
  const table = createOrdersTable(deps.documentClient, deps.config.ordersTable);
  const entity = createOrderEntity(table);

  return {
    insert: (order: Order) => insertOrder(entity, order),
    find: (orderId: string) => findOrder(entity, orderId),
    get: (orderId: string) => getOrder(entity, orderId),
    transition: (orderId: string, transition: OrderTransition) =>
      transitionOrder(entity, orderId, transition),
    listByCustomer: (customerId: string, limit: number, cursor?: string) =>
      listByCustomer(table, entity, customerId, limit, cursor),
  };
}

export type OrderStore = ReturnType<typeof createOrderStore>;

/**
 * Stores a new order. Throws OrderAlreadyExistsError when an order with
 * its id exists, and OrderTooLargeError past DynamoDB's item size limit.
 */
async function insertOrder(entity: OrderEntity, order: Order): Promise<void> {
  try {
    await entity
      .build(PutItemCommand)
      .item(toOrderItem(order))
      .options({ condition: { attr: 'orderId', exists: false } })
      .send();
  } catch (error) {
    if (isConditionCheckFailed(error)) {
      throw new OrderAlreadyExistsError(order.orderId, error);
    }
    if (isItemTooLarge(error)) {
      throw new OrderTooLargeError(order.orderId, order.lineCount, error);
    }
    throw error;
  }
}

/** Returns the order, or undefined when it does not exist. */
async function findOrder(
  entity: OrderEntity,
  orderId: string,
): Promise<Order | undefined> {
  const { Item } = await entity
    .build(GetItemCommand)
    .key({ orderId })
    .options({ consistent: true })
    .send();
  return Item ? fromOrderItem(Item) : undefined;
}

/** Returns the order. Throws OrderNotFoundError when it does not exist. */
async function getOrder(entity: OrderEntity, orderId: string): Promise<Order> {
  const order = await findOrder(entity, orderId);
  if (!order) throw new OrderNotFoundError(orderId);
  return order;
}

/**
 * Applies a status change with a conditional update. When the order is in
 * another status, returns it unchanged with `applied: false`. Throws
 * OrderNotFoundError when it does not exist.
 */
async function transitionOrder(
  entity: OrderEntity,
  orderId: string,
  transition: OrderTransition,
): Promise<TransitionResult> {
  try {
    const { Attributes } = await entity
      .build(UpdateItemCommand)
      .item({
        orderId,
        status: transition.to,
        updatedAt: toIsoTime(transition.at),
        ...(transition.rejection
          ? { rejection: $set(transition.rejection) }
          : {}),
        ...(transition.cancellation
          ? { cancellation: $set(transition.cancellation) }
          : {}),
      })
      .options({
        condition: { attr: 'status', in: transition.from },
        returnValues: 'ALL_NEW',
      })
      .send();
    if (!Attributes) throw new OrderNotFoundError(orderId);
    return { order: fromOrderItem(Attributes), applied: true };
  } catch (error) {
    if (!isConditionCheckFailed(error)) throw error;
    return { order: await getOrder(entity, orderId), applied: false };
  }
}

/** Returns a customer's orders, newest first, one page at a time. */
async function listByCustomer(
  table: OrdersTable,
  entity: OrderEntity,
  customerId: string,
  limit: number,
  cursor?: string,
): Promise<OrderPage> {
  const { Items = [], LastEvaluatedKey } = await table
    .build(QueryCommand)
    .entities(entity)
    .query({ index: 'byCustomer', partition: customerId })
    .options({
      reverse: true,
      limit,
      ...(cursor
        ? { exclusiveStartKey: decodeCursor(cursor, customerId) }
        : {}),
    })
    .send();

  return {
    orders: Items.map(fromOrderItem),
    ...(LastEvaluatedKey ? { nextCursor: encodeCursor(LastEvaluatedKey) } : {}),
  };
}

function isItemTooLarge(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'ValidationException' &&
    error.message.includes('Item size')
  );
}
