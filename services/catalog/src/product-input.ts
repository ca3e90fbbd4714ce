import { moneySchema } from '@retail/shared';
import { z } from 'zod';

/** Schemas of product fields shared by create, update and import. */
const nameSchema = z.string().min(1).max(200);
const tagsSchema = z.array(z.string().min(1).max(64)).max(50);

/** SKUs appear in URL paths, so they are limited to URL-safe characters. */
export const skuSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'expected 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
  );

/** Body of POST /products, and each product of POST /products/import. */
export const productInputSchema = z
  .object({
    sku: skuSchema,
    name: nameSchema,
    price: moneySchema,
    tags: tagsSchema.optional(),
    active: z.boolean().optional(),
  })
  .strict();

export type ProductInput = z.infer<typeof productInputSchema>;

/** Body of PUT /products/{sku}: any of the fields, at least one. */
export const productChangesSchema = z
  .object({
    name: nameSchema.optional(),
    price: moneySchema.optional(),
    tags: tagsSchema.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, {
    message: 'send at least one of name, price, tags or active',
  });

export type ProductChanges = z.infer<typeof productChangesSchema>;

/** Maximum number of products in one import request. */
export const MAX_IMPORT_PRODUCTS = 1000;

/**
 * Body of POST /products/import. Each product is validated on its own
 * afterwards, so that every invalid one can be reported by its index.
 */
export const importRequestSchema = z
  .object({
    products: z.array(z.unknown()).min(1).max(MAX_IMPORT_PRODUCTS),
  })
  .strict();
