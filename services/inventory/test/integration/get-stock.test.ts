import { httpEvent, lambdaContext } from '@retail/testing';
import { createHttpHandler } from '../../src/handlers/http';
import { seedStock } from '../support/fixtures';
import {
  startTestEnvironment,
  type TestEnvironment,
} from '../support/test-environment';

let env: TestEnvironment;
let http: ReturnType<typeof createHttpHandler>;

beforeAll(async () => {
  env = await startTestEnvironment();
  http = createHttpHandler(env.deps);
});

afterAll(async () => {
  await env.stop();
});

function getStock(sku: string) {
  const path = `/stock/${encodeURIComponent(sku)}`;
  return http(
    httpEvent('GET', path, { routeKey: 'GET /stock/{sku}' }),
    lambdaContext(),
  );
}

describe('GET /stock/{sku}', () => {
  it('returns the level of a SKU', async () => {
    await seedStock(env.deps, { 'G-1': 12 });

    const response = await getStock('G-1');

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '')).toEqual({
      sku: 'G-1',
      available: 12,
      updatedAt: new Date(env.clock.now()).toISOString(),
    });
  });

  it('returns 404 for an unknown SKU', async () => {
    const response = await getStock('G-MISSING');

    const body = JSON.parse(response.body ?? '');
    expect(response.statusCode).toBe(404);
    expect(body.message).toContain('G-MISSING');
    expect(body.sku).toBe('G-MISSING');
  });

  it('returns 422 for an overlong SKU', async () => {
    const response = await getStock('X'.repeat(65));

    const body = JSON.parse(response.body ?? '');
    expect(response.statusCode).toBe(422);
    expect(body.field).toBe('sku');
  });

  it('decodes an encoded SKU', async () => {
    await seedStock(env.deps, { 'G 2/B': 3 });

    const response = await getStock('G 2/B');

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '').sku).toBe('G 2/B');
  });
});
