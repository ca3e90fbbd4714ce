import type { Money } from '@retail/shared';
import type {
  Cancellation,
  Order,
  OrderLine,
  OrderStatus,
  Rejection,
} from './order';

/** An order as the HTTP API returns it: JSON values only. */
export interface OrderView {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  lines: OrderLine[];
  total: Money;
  lineCount: number;
  rejection?: Rejection;
  cancellation?: Cancellation;
  createdAt: string;
  updatedAt: string;
}

/** The 201 body of POST /orders. */
export type PlacedOrderView = Pick<
  OrderView,
  'orderId' | 'status' | 'customerId' | 'lines' | 'total' | 'createdAt'
>;

/** One entry of a customer's order list: the order without its lines. */
export type OrderSummaryView = Omit<OrderView, 'lines'>;

export function toOrderView(order: Order): OrderView {
  return { ...toOrderSummaryView(order), lines: order.lines };
}

export function toOrderSummaryView(order: Order): OrderSummaryView {
  return {
    orderId: order.orderId,
    customerId: order.customerId,
    status: order.status,
    total: order.total,
    lineCount: order.lineCount,
    ...(order.rejection ? { rejection: order.rejection } : {}),
    ...(order.cancellation ? { cancellation: order.cancellation } : {}),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

/**
 * Builds the POST /orders response. Its status is PENDING, as when the
 * order was placed, so a replay of the request returns the first response
 * even after the order has moved on.
 */
export function toPlacedOrderView(order: Order): PlacedOrderView {
  return {
    orderId: order.orderId,
    status: 'PENDING',
    customerId: order.customerId,
    lines: order.lines,
    total: order.total,
    createdAt: order.createdAt.toISOString(),
  };
}
