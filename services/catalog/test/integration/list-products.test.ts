import type { Product } from '../../src/data/product';
import { createHttpHandler } from '../../src/handlers/http';
import { type HttpHandler, invoke } from '../support/http';
import {
  createTestDependencies,
  startTestBed,
  type TestBed,
} from '../support/test-bed';

interface ProductList {
  items: Product[];
  nextCursor?: string;
}

const SKUS = ['LIST-1', 'LIST-2', 'LIST-3', 'LIST-4', 'LIST-5'];

let bed: TestBed;
let handler: HttpHandler;

beforeAll(async () => {
  bed = await startTestBed();
  handler = createHttpHandler(createTestDependencies(bed));
  await invoke(handler, 'POST', '/products/import', {
    body: {
      products: SKUS.map((sku) => ({
        sku,
        name: `Product ${sku}`,
        price: { amount: 100, currency: 'EUR' },
      })),
    },
  });
});

afterAll(async () => {
  await bed.stop();
});

async function listAll(limit: string): Promise<ProductList[]> {
  const pages: ProductList[] = [];
  let cursor: string | undefined;
  do {
    const query: Record<string, string> = { limit };
    if (cursor) query.cursor = cursor;
    const response = await invoke(handler, 'GET', '/products', { query });
    const page = response.body as ProductList;
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 10);
  return pages;
}

describe('GET /products', () => {
  describe('paging', () => {
    it('returns every product across pages', async () => {
      const pages = await listAll('2');

      const skus = pages.flatMap((page) => page.items.map((item) => item.sku));
      expect(skus.sort()).toEqual(SKUS);
    });

    it('limits each page', async () => {
      const pages = await listAll('2');

      expect(pages[0]?.items).toHaveLength(2);
      expect(pages[0]?.nextCursor).toEqual(expect.any(String));
    });

    it('omits nextCursor after the last page', async () => {
      const pages = await listAll('2');

      expect(pages.at(-1)).not.toHaveProperty('nextCursor');
    });

    it('returns 50 at most by default', async () => {
      const response = await invoke(handler, 'GET', '/products');

      const page = response.body as ProductList;
      expect(response.statusCode).toBe(200);
      expect(page.items.map((item) => item.sku).sort()).toEqual(SKUS);
    });
  });

  describe('query validation', () => {
    it.each(['0', '101', '2.5', 'ten', '-1', ''])(
      'rejects limit "%s"',
      async (limit) => {
        const response = await invoke(handler, 'GET', '/products', {
          query: { limit },
        });

        expect(response.statusCode).toBe(422);
        expect(response.body).toMatchObject({
          message: `invalid limit "${limit}": expected an integer from 1 to 100`,
          limit,
        });
      },
    );

    it('rejects a forged cursor', async () => {
      const cursor = Buffer.from('{"pk":"x"}').toString('base64url');

      const response = await invoke(handler, 'GET', '/products', {
        query: { cursor },
      });

      expect(response.statusCode).toBe(422);
      expect(response.body).toMatchObject({ cursor });
    });
  });
});
