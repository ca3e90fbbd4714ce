import { ConfigurationError } from '@retail/shared';
import { loadConfig } from '../../src/config';

const env = {
  ORDERS_TABLE: 'orders',
  PRICES_TABLE: 'prices',
  IDEMPOTENCY_TABLE: 'idempotency',
  IDEMPOTENCY_EXPIRY_SECONDS: '86400',
  EVENT_BUS_NAME: 'default',
};

describe('loadConfig', () => {
  it('reads every setting', () => {
    expect(loadConfig(env)).toEqual({
      ordersTable: 'orders',
      pricesTable: 'prices',
      idempotencyTable: 'idempotency',
      idempotencyExpirySeconds: 86400,
      eventBusName: 'default',
    });
  });

  it('names a missing variable', () => {
    const { PRICES_TABLE: _, ...missing } = env;

    expect(() => loadConfig(missing)).toThrow(/PRICES_TABLE/);
  });

  it.each(['0', '-5', '1.5', 'a day'])('rejects expiry %s', (value) => {
    const load = () =>
      loadConfig({ ...env, IDEMPOTENCY_EXPIRY_SECONDS: value });

    expect(load).toThrow(ConfigurationError);
  });
});
