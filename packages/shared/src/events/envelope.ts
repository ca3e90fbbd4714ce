import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * The envelope every event between services travels in. `type` and
 * `version` select the payload schema; `time` is an ISO-8601 string.
 */
export interface EventEnvelope<
  TType extends string = string,
  TPayload = unknown,
> {
  id: string;
  type: TType;
  version: number;
  time: string;
  source: string;
  payload: TPayload;
}

export const envelopeSchema = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    version: z.number().int().positive(),
    time: z.iso.datetime({ offset: true }),
    source: z.string().min(1),
    payload: z.unknown(),
  })
  .strict();

/**
 * Event sources, one per service, as set in EventBridge's `Source`, and
 * the source of the synthetic events that a pre-traffic hook sends to a
 * new consumer version. No rule matches that one: it is never published.
 */
export const EVENT_SOURCES = {
  catalog: 'retail.catalog',
  orders: 'retail.orders',
  inventory: 'retail.inventory',
  notifications: 'retail.notifications',
  releaseCheck: 'retail.release-check',
} as const;

/** Builds an envelope with a new id and the current time. */
export function createEnvelope<TType extends string, TPayload>(
  source: string,
  type: TType,
  payload: TPayload,
  options: { id?: string; time?: Date; version?: number } = {},
): EventEnvelope<TType, TPayload> {
  return {
    id: options.id ?? randomUUID(),
    type,
    version: options.version ?? 1,
    time: (options.time ?? new Date()).toISOString(),
    source,
    payload,
  };
}
