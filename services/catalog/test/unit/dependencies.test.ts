import { defaultDependencies } from '../../src/dependencies';

const ENVIRONMENT = {
  PRODUCTS_TABLE: 'retail-catalog-test-products',
  EVENT_BUS_NAME: 'default',
  AWS_REGION: 'eu-west-2',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

let saved: NodeJS.ProcessEnv;

beforeEach(() => {
  saved = process.env;
  process.env = { ...saved, ...ENVIRONMENT };
});

afterEach(() => {
  process.env = saved;
});

describe('defaultDependencies', () => {
  it('builds the clients once per container', () => {
    const first = defaultDependencies();

    const second = defaultDependencies();

    expect(second).toBe(first);
    expect(first.products.tableName).toBe('retail-catalog-test-products');
  });
});
