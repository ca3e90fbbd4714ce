import { ConfigurationError, requireEnv } from '@retail/shared';

/** Settings of the orders service, read once from its environment. */
export interface OrdersConfig {
  ordersTable: string;
  pricesTable: string;
  idempotencyTable: string;
  /** How long a POST /orders response is replayed for its key. */
  idempotencyExpirySeconds: number;
  eventBusName: string;
}

/** Reads the configuration. Throws ConfigurationError naming a bad value. */
export function loadConfig(env = process.env): OrdersConfig {
  return {
    ordersTable: requireEnv('ORDERS_TABLE', env),
    pricesTable: requireEnv('PRICES_TABLE', env),
    idempotencyTable: requireEnv('IDEMPOTENCY_TABLE', env),
    idempotencyExpirySeconds: requirePositiveInteger(
      'IDEMPOTENCY_EXPIRY_SECONDS',
      env,
    ),
    eventBusName: requireEnv('EVENT_BUS_NAME', env),
  };
}

function requirePositiveInteger(name: string, env: NodeJS.ProcessEnv): number {
  const text = requireEnv(name, env);
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigurationError(
      `invalid environment variable ${name}="${text}": expected a whole number of seconds above 0`,
      { name },
    );
  }
  return value;
}
