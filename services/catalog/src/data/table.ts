import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox';

/** Environment variable with the products table's name (serverless.yml). */
export const PRODUCTS_TABLE_ENV = 'PRODUCTS_TABLE';

/**
 * Creates the toolbox Table that mirrors ProductsTable in
 * resources/tables.yml. The partition key `sku` is the product's SKU as
 * the API receives it, with no prefix and no sort key, because the table
 * contains one item per product and nothing else.
 */
export function createProductsTable(
  documentClient: DynamoDBDocumentClient,
  tableName: string,
) {
  return new Table({
    documentClient,
    name: tableName,
    partitionKey: { name: 'sku', type: 'string' },
  });
}

export type ProductsTable = ReturnType<typeof createProductsTable>;
