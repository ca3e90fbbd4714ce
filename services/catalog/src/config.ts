import { requireEnv } from '@retail/shared';
import { PRODUCTS_TABLE_ENV } from './data/table';

/** Settings that serverless.yml passes to both functions. */
export interface Config {
  productsTable: string;
  eventBusName: string;
}

/** Reads and checks the environment. Throws ConfigurationError if unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    productsTable: requireEnv(PRODUCTS_TABLE_ENV, env),
    eventBusName: requireEnv('EVENT_BUS_NAME', env),
  };
}
