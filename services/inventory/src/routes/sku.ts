import { z } from 'zod';

/** A SKU as the event contracts accept it. */
export const skuSchema = z
  .string()
  .min(1, 'SKU is empty: send the catalog SKU')
  .max(64, 'SKU is longer than 64 characters');
