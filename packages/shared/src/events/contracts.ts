import { z } from 'zod';
import { moneySchema } from '../money';

// Payload schemas of every event type, version 1. A consumer validates the
// payload of each event it receives against these before acting on it.

const sku = z.string().min(1).max(64);
const orderId = z.string().min(1).max(64);
const customerId = z.string().min(1).max(64);
const quantity = z.number().int().positive();

export const productUpsertedSchema = z.object({
  sku,
  name: z.string().min(1),
  price: moneySchema,
  active: z.boolean(),
  /** Increases with every change, so consumers can drop stale copies. */
  revision: z.number().int().positive(),
});

export const productDeletedSchema = z.object({
  sku,
  revision: z.number().int().positive(),
});

export const orderLineSchema = z.object({ sku, quantity });

export const orderPlacedSchema = z.object({
  orderId,
  customerId,
  lines: z.array(orderLineSchema).min(1),
  total: moneySchema,
});

export const orderCancelledSchema = z.object({
  orderId,
  customerId,
  reason: z.string().min(1),
});

export const orderConfirmedSchema = z.object({
  orderId,
  customerId,
  total: moneySchema,
  lineCount: z.number().int().positive(),
});

export const rejectionReasonSchema = z.enum(['OUT_OF_STOCK', 'UNKNOWN_SKU']);

export const orderRejectedSchema = z.object({
  orderId,
  customerId,
  reason: rejectionReasonSchema,
  sku: sku.optional(),
});

export const stockReservedSchema = z.object({ orderId });

export const stockRejectedSchema = z.object({
  orderId,
  reason: rejectionReasonSchema,
  sku,
  requested: z.number().int().nonnegative(),
  available: z.number().int().nonnegative(),
});

export const stockLevelSchema = z.object({
  sku,
  available: z.number().int().nonnegative(),
});

/** Payload schema of each event type. */
export const eventSchemas = {
  ProductUpserted: productUpsertedSchema,
  ProductDeleted: productDeletedSchema,
  OrderPlaced: orderPlacedSchema,
  OrderCancelled: orderCancelledSchema,
  OrderConfirmed: orderConfirmedSchema,
  OrderRejected: orderRejectedSchema,
  StockReserved: stockReservedSchema,
  StockRejected: stockRejectedSchema,
  StockDepleted: stockLevelSchema,
  StockReplenished: stockLevelSchema,
} as const;

export type EventType = keyof typeof eventSchemas;

export type EventPayload<TType extends EventType> = z.infer<
  (typeof eventSchemas)[TType]
>;
