import { ValidationError } from '@retail/shared';
import {
  describeFieldErrors,
  type FieldError,
  toFieldErrors,
} from './field-errors';
import { type ProductInput, productInputSchema } from './product-input';

/** An invalid product of an import request, by its index in `products`. */
export interface InvalidProduct {
  index: number;
  /** The SKU, when the product has one that is a string. */
  sku?: string;
  errors: FieldError[];
}

/** Invalid products named in the message. The details list all of them. */
const MAX_PRODUCTS_IN_MESSAGE = 10;

/**
 * Validates every product of an import, and that no SKU appears twice.
 * Returns the products when all are valid. Throws a 422 ValidationError
 * listing each invalid product otherwise, so nothing is written.
 */
export function validateImportProducts(products: unknown[]): ProductInput[] {
  const valid: ProductInput[] = [];
  const invalid = new Map<number, InvalidProduct>();
  const firstIndexBySku = new Map<string, number>();

  products.forEach((product, index) => {
    const sku = skuOf(product);
    const errors: FieldError[] = [];

    const result = productInputSchema.safeParse(product);
    if (result.success) valid.push(result.data);
    else errors.push(...toFieldErrors(result.error, '(product)'));

    const firstIndex = sku === undefined ? undefined : firstIndexBySku.get(sku);
    if (firstIndex !== undefined) {
      errors.push({
        field: 'sku',
        problem: `duplicate of products[${firstIndex}]: send each SKU once`,
      });
    } else if (sku !== undefined) {
      firstIndexBySku.set(sku, index);
    }

    if (errors.length > 0) {
      invalid.set(index, { index, ...(sku ? { sku } : {}), errors });
    }
  });

  if (invalid.size > 0)
    throw invalidImportError([...invalid.values()], products.length);
  return valid;
}

function skuOf(product: unknown): string | undefined {
  if (typeof product !== 'object' || product === null) return undefined;
  const sku = (product as { sku?: unknown }).sku;
  return typeof sku === 'string' ? sku : undefined;
}

function invalidImportError(
  invalidProducts: InvalidProduct[],
  total: number,
): ValidationError {
  const listed = invalidProducts
    .slice(0, MAX_PRODUCTS_IN_MESSAGE)
    .map(describeInvalidProduct);
  const more = invalidProducts.length - listed.length;
  if (more > 0) listed.push(`${more} more in invalidProducts`);

  return new ValidationError(
    `${invalidProducts.length} of ${total} products are invalid, so none were imported: ${listed.join(' | ')}`,
    { statusCode: 422, details: { invalidProducts } },
  );
}

function describeInvalidProduct(product: InvalidProduct): string {
  const sku = product.sku === undefined ? '' : ` (sku ${product.sku})`;
  return `products[${product.index}]${sku}: ${describeFieldErrors(product.errors)}`;
}
