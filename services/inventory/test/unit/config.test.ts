import { ConfigurationError } from '@retail/shared';
import { loadConfig } from '../../src/config';

const ENV = {
  STOCK_TABLE: 'retail-inventory-test-stock',
  RESERVATIONS_TABLE: 'retail-inventory-test-reservations',
  EVENT_BUS_NAME: 'default',
};

describe('loadConfig', () => {
  it('reads the table and bus names', () => {
    const config = loadConfig(ENV);

    expect(config).toEqual({
      stockTableName: 'retail-inventory-test-stock',
      reservationsTableName: 'retail-inventory-test-reservations',
      eventBusName: 'default',
    });
  });

  it.each(Object.keys(ENV))('names a missing %s', (name) => {
    const env = { ...ENV, [name]: '' };

    expect(() => loadConfig(env)).toThrow(ConfigurationError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});

describe('handler modules', () => {
  it('read no environment on import', async () => {
    delete process.env.STOCK_TABLE;

    const imported = Promise.all([
      import('../../src/handlers/http'),
      import('../../src/handlers/consumer'),
    ]);

    await expect(imported).resolves.toHaveLength(2);
  });
});
