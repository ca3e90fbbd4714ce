import { type HttpRequest, ValidationError } from '@retail/shared';
import { skuSchema } from '../product-input';

/** Returns the `{sku}` path parameter. Throws a 422 ValidationError. */
export function skuParam(request: HttpRequest): string {
  const sku = request.params.sku ?? '';

  const result = skuSchema.safeParse(sku);
  if (!result.success) {
    throw new ValidationError(
      `invalid SKU "${sku}" in the path: SKUs are 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit`,
      { statusCode: 422, details: { sku } },
    );
  }
  return result.data;
}
