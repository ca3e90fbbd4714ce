import { requireEnv } from '@retail/shared';

/** Settings read from the function's environment, set in serverless.yml. */
export interface Config {
  stockTableName: string;
  reservationsTableName: string;
  eventBusName: string;
}

/** Reads the environment once; throws naming the first missing variable. */
export function loadConfig(env = process.env): Config {
  return {
    stockTableName: requireEnv('STOCK_TABLE', env),
    reservationsTableName: requireEnv('RESERVATIONS_TABLE', env),
    eventBusName: requireEnv('EVENT_BUS_NAME', env),
  };
}
