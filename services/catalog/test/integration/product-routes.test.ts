import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamoClientFor } from '@retail/testing';
import type { Product } from '../../src/data/product';
import { createHttpHandler } from '../../src/handlers/http';
import { type HttpHandler, invoke } from '../support/http';
import {
  createTestDependencies,
  readRawItem,
  startTestBed,
  type TestBed,
  type TestDependencies,
} from '../support/test-bed';

let bed: TestBed;
let deps: TestDependencies;
let handler: HttpHandler;

beforeAll(async () => {
  bed = await startTestBed();
});

afterAll(async () => {
  await bed.stop();
});

beforeEach(() => {
  deps = createTestDependencies(bed);
  handler = createHttpHandler(deps);
});

/** Builds a write, by another client, that moves the revision on by one. */
function bumpRevision(tableName: string, sku: string): UpdateItemCommand {
  return new UpdateItemCommand({
    TableName: tableName,
    Key: { sku: { S: sku } },
    UpdateExpression: 'SET revision = revision + :one',
    ExpressionAttributeValues: { ':one': { N: '1' } },
  });
}

function productBody(sku: string, overrides: Record<string, unknown> = {}) {
  return {
    sku,
    name: `Product ${sku}`,
    price: { amount: 1250, currency: 'GBP' },
    ...overrides,
  };
}

async function createProduct(
  sku: string,
  overrides: Record<string, unknown> = {},
): Promise<Product> {
  const response = await invoke(handler, 'POST', '/products', {
    body: productBody(sku, overrides),
  });
  if (response.statusCode !== 201) {
    throw new Error(`create ${sku} returned ${response.statusCode}`);
  }
  return response.body as Product;
}

describe('POST /products', () => {
  it('creates the product with defaults', async () => {
    const response = await invoke(handler, 'POST', '/products', {
      body: productBody('CREATE-1', { tags: ['mug', 'gift'] }),
    });

    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe('/products/CREATE-1');
    expect(response.body).toMatchObject({
      sku: 'CREATE-1',
      name: 'Product CREATE-1',
      price: { amount: 1250, currency: 'GBP' },
      tags: ['gift', 'mug'],
      active: true,
      inStock: true,
    });
  });

  it('stores tags as a string set', async () => {
    await createProduct('CREATE-2', { tags: ['mug', 'gift'] });

    const item = await readRawItem(bed, 'CREATE-2');

    expect(item?.tags?.SS?.sort()).toEqual(['gift', 'mug']);
  });

  it('publishes ProductUpserted with a deterministic id', async () => {
    const product = await createProduct('CREATE-3');

    expect(deps.publisher.events).toHaveLength(1);
    expect(deps.publisher.events[0]).toMatchObject({
      id: `ProductUpserted:CREATE-3:${product.revision}`,
      type: 'ProductUpserted',
      source: 'retail.catalog',
      payload: {
        sku: 'CREATE-3',
        name: 'Product CREATE-3',
        price: { amount: 1250, currency: 'GBP' },
        active: true,
        revision: product.revision,
      },
    });
  });

  it('stores no tags attribute for an empty list', async () => {
    const response = await invoke(handler, 'POST', '/products', {
      body: productBody('EMPTY-TAGS-1', { tags: [] }),
    });

    const item = await readRawItem(bed, 'EMPTY-TAGS-1');
    expect(response.statusCode).toBe(201);
    expect(item).toBeDefined();
    expect(item).not.toHaveProperty('tags');
    expect((response.body as Product).tags).toEqual([]);
  });

  it('returns 409 for an existing SKU', async () => {
    const first = await createProduct('TAKEN-1');
    deps.publisher.events.length = 0;

    const response = await invoke(handler, 'POST', '/products', {
      body: productBody('TAKEN-1', { name: 'Another name' }),
    });

    const item = await readRawItem(bed, 'TAKEN-1');
    expect(response.statusCode).toBe(409);
    expect(response.body).toMatchObject({ code: 'CONFLICT', sku: 'TAKEN-1' });
    expect(item?.name?.S).toBe('Product TAKEN-1');
    expect(item?.revision?.N).toBe(String(first.revision));
    expect(deps.publisher.events).toHaveLength(0);
  });

  it('returns 422 naming each invalid field', async () => {
    const response = await invoke(handler, 'POST', '/products', {
      body: {
        sku: 'BAD SKU',
        name: '',
        price: { amount: 12.5, currency: 'GBP' },
        colour: 'red',
      },
    });

    const body = response.body as { errors: Array<{ field: string }> };
    const fields = body.errors.map((error) => error.field).sort();
    expect(response.statusCode).toBe(422);
    expect(fields).toEqual(['colour', 'name', 'price.amount', 'sku']);
    expect(await readRawItem(bed, 'BAD SKU')).toBeUndefined();
  });

  it.each(['GET', 'PUT', 'DELETE'])(
    'returns 422 for an invalid SKU in a %s path',
    async (method) => {
      const response = await invoke(handler, method, '/products/-bad', {
        body: { name: 'Renamed' },
      });

      expect(response.statusCode).toBe(422);
      expect(response.body).toMatchObject({
        message: expect.stringContaining('invalid SKU "-bad" in the path'),
        sku: '-bad',
      });
    },
  );

  it('returns 400 for a body that is not JSON', async () => {
    const response = await invoke(handler, 'POST', '/products', {
      body: 'sku=SKU-1',
    });

    expect(response.statusCode).toBe(400);
  });
});

describe('GET /products/{sku}', () => {
  it('returns the stored product', async () => {
    const created = await createProduct('GET-1', { tags: ['a'] });

    const response = await invoke(handler, 'GET', '/products/GET-1');

    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual(created);
  });

  it('returns 404 for an unknown SKU', async () => {
    const response = await invoke(handler, 'GET', '/products/NOPE-1');

    expect(response.statusCode).toBe(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', sku: 'NOPE-1' });
  });
});

describe('PUT /products/{sku}', () => {
  it('changes only the fields sent', async () => {
    const created = await createProduct('PUT-1', { tags: ['a'] });

    const response = await invoke(handler, 'PUT', '/products/PUT-1', {
      body: { price: { amount: 999, currency: 'GBP' } },
    });

    const product = response.body as Product;
    expect(response.statusCode).toBe(200);
    expect(product.price).toEqual({ amount: 999, currency: 'GBP' });
    expect(product.name).toBe(created.name);
    expect(product.tags).toEqual(['a']);
    expect(product.createdAt).toBe(created.createdAt);
  });

  it('publishes ProductUpserted with the new revision', async () => {
    const created = await createProduct('PUT-2');
    deps.publisher.events.length = 0;

    const response = await invoke(handler, 'PUT', '/products/PUT-2', {
      body: { active: false },
    });

    const product = response.body as Product;
    expect(product.revision).toBeGreaterThan(created.revision);
    expect(deps.publisher.events).toHaveLength(1);
    expect(deps.publisher.events[0]).toMatchObject({
      id: `ProductUpserted:PUT-2:${product.revision}`,
      payload: { sku: 'PUT-2', active: false, revision: product.revision },
    });
  });

  it('adds a tag as a string set', async () => {
    await createProduct('TAGLESS-1', { tags: [] });

    const response = await invoke(handler, 'PUT', '/products/TAGLESS-1', {
      body: { tags: ['new'] },
    });

    const item = await readRawItem(bed, 'TAGLESS-1');
    expect(response.statusCode).toBe(200);
    expect((response.body as Product).tags).toEqual(['new']);
    expect(item?.tags).toEqual({ SS: ['new'] });
  });

  it('removes the attribute for an empty tag list', async () => {
    await createProduct('UNTAG-1', { tags: ['old'] });

    const response = await invoke(handler, 'PUT', '/products/UNTAG-1', {
      body: { tags: [] },
    });

    const item = await readRawItem(bed, 'UNTAG-1');
    expect(response.statusCode).toBe(200);
    expect(item).not.toHaveProperty('tags');
  });

  it('returns 404 without creating the product', async () => {
    const response = await invoke(handler, 'PUT', '/products/GHOST-1', {
      body: { name: 'Ghost' },
    });

    expect(response.statusCode).toBe(404);
    expect(await readRawItem(bed, 'GHOST-1')).toBeUndefined();
    expect(deps.publisher.events).toHaveLength(0);
  });

  it('keeps revisions increasing on a lagging clock', async () => {
    const created = await createProduct('AHEAD-1');
    const behind = createTestDependencies(bed, {
      now: () => new Date(created.revision - 1_000),
    });
    const lagging = createHttpHandler(behind);

    const response = await invoke(lagging, 'PUT', '/products/AHEAD-1', {
      body: { name: 'Late change' },
    });

    expect(response.statusCode).toBe(200);
    expect((response.body as Product).revision).toBe(created.revision + 1);
  });

  it('returns 409 when every attempt loses a race', async () => {
    await createProduct('CONTENDED-1');
    const rival = dynamoClientFor(bed.endpoint);
    bed.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'UpdateItemCommand') {
          await rival.send(bumpRevision(bed.tableName, 'CONTENDED-1'));
        }
        return next(args);
      },
      { step: 'initialize', name: 'rivalWriter' },
    );

    const response = await invoke(handler, 'PUT', '/products/CONTENDED-1', {
      body: { name: 'Lost update' },
    }).finally(() => {
      bed.client.middlewareStack.remove('rivalWriter');
      rival.destroy();
    });

    const item = await readRawItem(bed, 'CONTENDED-1');
    expect(response.statusCode).toBe(409);
    expect(response.body).toMatchObject({ sku: 'CONTENDED-1', attempts: 3 });
    expect(item?.name?.S).toBe('Product CONTENDED-1');
    expect(deps.publisher.events).toHaveLength(1);
  });

  it('returns 422 for an empty body', async () => {
    await createProduct('PUT-EMPTY-1');

    const response = await invoke(handler, 'PUT', '/products/PUT-EMPTY-1', {
      body: {},
    });

    expect(response.statusCode).toBe(422);
    expect(response.body).toMatchObject({
      errors: [
        {
          field: '(body)',
          problem: 'send at least one of name, price, tags or active',
        },
      ],
    });
  });

  it('returns 422 for a SKU in the body', async () => {
    await createProduct('PUT-SKU-1');

    const response = await invoke(handler, 'PUT', '/products/PUT-SKU-1', {
      body: { sku: 'OTHER-1', name: 'Renamed' },
    });

    expect(response.statusCode).toBe(422);
    expect(response.body).toMatchObject({
      errors: [{ field: 'sku', problem: 'unknown field: remove it' }],
    });
  });
});

describe('DELETE /products/{sku}', () => {
  it('deletes the product', async () => {
    await createProduct('DELETE-1');

    const response = await invoke(handler, 'DELETE', '/products/DELETE-1');

    expect(response.statusCode).toBe(204);
    expect(response.body).toBeUndefined();
    expect(await readRawItem(bed, 'DELETE-1')).toBeUndefined();
  });

  it('publishes ProductDeleted with a newer revision', async () => {
    const created = await createProduct('DELETE-2');
    deps.publisher.events.length = 0;

    await invoke(handler, 'DELETE', '/products/DELETE-2');

    const event = deps.publisher.events[0];
    const payload = event?.payload as { revision: number } | undefined;
    expect(deps.publisher.events).toHaveLength(1);
    expect(event?.type).toBe('ProductDeleted');
    expect(event?.id).toBe(`ProductDeleted:DELETE-2:${payload?.revision}`);
    expect(payload?.revision).toBeGreaterThan(created.revision);
  });

  it('returns 404 for an unknown SKU', async () => {
    const response = await invoke(handler, 'DELETE', '/products/GONE-1');

    expect(response.statusCode).toBe(404);
    expect(deps.publisher.events).toHaveLength(0);
  });
});
