import type { Money } from '@retail/shared';

/**
 * The service's copy of one catalog product, kept from ProductUpserted and
 * ProductDeleted. A deleted product keeps its revision and is inactive. It
 * has no name or price when only its deletion was ever received.
 */
export interface CatalogPrice {
  sku: string;
  name?: string;
  price?: Money;
  active: boolean;
  revision: number;
}
