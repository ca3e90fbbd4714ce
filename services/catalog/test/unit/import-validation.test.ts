import { ValidationError } from '@retail/shared';
import {
  type InvalidProduct,
  validateImportProducts,
} from '../../src/import-validation';

function product(sku: string, overrides: Record<string, unknown> = {}) {
  return {
    sku,
    name: `Product ${sku}`,
    price: { amount: 100, currency: 'GBP' },
    ...overrides,
  };
}

function rejection(products: unknown[]): ValidationError {
  try {
    validateImportProducts(products);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected validateImportProducts to throw');
}

function invalidProducts(products: unknown[]): InvalidProduct[] {
  return rejection(products).details.invalidProducts as InvalidProduct[];
}

describe('validateImportProducts', () => {
  describe('valid input', () => {
    it('returns the parsed products', () => {
      const products = [product('A-1', { tags: [] }), product('A-2')];

      expect(validateImportProducts(products)).toEqual(products);
    });
  });

  describe('invalid products', () => {
    it('maps to status 422', () => {
      expect(rejection([product('B-1', { name: 7 })]).statusCode).toBe(422);
    });

    it('lists each invalid product by index', () => {
      const invalid = invalidProducts([
        product('C-1', { price: { amount: 1 } }),
        product('C-2'),
        product('C-3', { tags: [''] }),
      ]);

      expect(invalid).toEqual([
        {
          index: 0,
          sku: 'C-1',
          errors: [{ field: 'price.currency', problem: expect.any(String) }],
        },
        {
          index: 2,
          sku: 'C-3',
          errors: [{ field: 'tags[0]', problem: expect.any(String) }],
        },
      ]);
    });

    it('leaves out a SKU that is not a string', () => {
      const invalid = invalidProducts([product('D-1', { sku: 42 })]);

      expect(invalid[0]).not.toHaveProperty('sku');
      expect(invalid[0]?.errors[0]?.field).toBe('sku');
    });

    it('rejects a product that is not an object', () => {
      const invalid = invalidProducts([product('E-1'), 'E-2']);

      expect(invalid).toEqual([
        {
          index: 1,
          errors: [{ field: '(product)', problem: expect.any(String) }],
        },
      ]);
    });

    it('caps the message at ten products', () => {
      const products = Array.from({ length: 12 }, (_, index) =>
        product(`F-${index}`, { name: '' }),
      );

      const error = rejection(products);

      expect(error.message).toContain('12 of 12 products are invalid');
      expect(error.message).toContain('products[9] (sku F-9)');
      expect(error.message).not.toContain('products[10]');
      expect(error.message).toContain('2 more in invalidProducts');
      expect(error.details.invalidProducts).toHaveLength(12);
    });
  });

  describe('duplicate SKUs', () => {
    it('flags every later copy', () => {
      const invalid = invalidProducts([
        product('G-1'),
        product('G-1'),
        product('G-2'),
        product('G-1'),
      ]);

      expect(invalid.map((entry) => entry.index)).toEqual([1, 3]);
      expect(invalid[1]?.errors).toEqual([
        {
          field: 'sku',
          problem: 'duplicate of products[0]: send each SKU once',
        },
      ]);
    });

    it('adds to other errors of the copy', () => {
      const invalid = invalidProducts([
        product('H-1'),
        product('H-1', { active: 'yes' }),
      ]);

      expect(invalid[0]?.errors.map((error) => error.field)).toEqual([
        'active',
        'sku',
      ]);
    });
  });
});
