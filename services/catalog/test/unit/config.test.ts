import { ConfigurationError } from '@retail/shared';
import { loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('reads the table and bus names', () => {
    const config = loadConfig({
      PRODUCTS_TABLE: 'retail-catalog-dev-products',
      EVENT_BUS_NAME: 'default',
    });

    expect(config).toEqual({
      productsTable: 'retail-catalog-dev-products',
      eventBusName: 'default',
    });
  });

  it('names a missing variable', () => {
    expect(() => loadConfig({ EVENT_BUS_NAME: 'default' })).toThrow(
      ConfigurationError,
    );
    expect(() => loadConfig({ EVENT_BUS_NAME: 'default' })).toThrow(
      /PRODUCTS_TABLE/,
    );
  });
});
