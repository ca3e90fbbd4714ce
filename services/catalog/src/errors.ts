import { ConflictError, NotFoundError, ValidationError } from '@retail/shared';

/** No product is stored under the SKU. HTTP 404. */
export class ProductNotFoundError extends NotFoundError {
  constructor(sku: string) {
    super(`product ${sku} not found: check the SKU or create the product`, {
      sku,
    });
  }
}

/** A create request names a SKU that is already stored. HTTP 409. */
export class ProductExistsError extends ConflictError {
  constructor(sku: string, cause?: unknown) {
    super(
      `product ${sku} already exists: change it with PUT /products/${sku}`,
      { cause, details: { sku } },
    );
  }
}

/**
 * Other writers changed the product between each read and write of an
 * update, every time it was tried. HTTP 409.
 */
export class ConcurrentUpdateError extends ConflictError {
  constructor(sku: string, attempts: number, cause?: unknown) {
    super(
      `product ${sku} was changed by other requests during each of ${attempts} update attempts: retry the request`,
      { cause, details: { sku, attempts } },
    );
  }
}

/** A list request's cursor is not one this service returned. HTTP 400. */
export class InvalidCursorError extends ValidationError {
  constructor(cursor: string, cause?: unknown) {
    super(
      `invalid cursor "${cursor}": pass the nextCursor of the previous page unchanged, or leave cursor out to start at the first page`,
      { statusCode: 422, cause, details: { cursor } },
    );
  }
}
