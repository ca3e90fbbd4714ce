import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox';

// Mirrors resources/tables.yml. The idempotency table is not here: only
// Powertools' DynamoDBPersistenceLayer reads and writes it.

/**
 * Creates the orders table, one item per order. Key: orderId, "ord_" and 26 hex digits derived from
 * the customer and their Idempotency-Key. Index byCustomer: customerId,
 * then createdAt, an ISO-8601 UTC string, so a customer's orders sort by
 * time.
 */
export function createOrdersTable(
  documentClient: DynamoDBDocumentClient,
  name: string,
) {
  return new Table({
    documentClient,
    name,
    partitionKey: { name: 'orderId', type: 'string' },
    indexes: {
      byCustomer: {
        type: 'global',
        partitionKey: { name: 'customerId', type: 'string' },
        sortKey: { name: 'createdAt', type: 'string' },
      },
    },
  });
}

/**
 * Creates the prices table, one item per catalog product. Key: sku, as the
 * catalog spells it.
 */
export function createPricesTable(
  documentClient: DynamoDBDocumentClient,
  name: string,
) {
  return new Table({
    documentClient,
    name,
    partitionKey: { name: 'sku', type: 'string' },
  });
}

export type OrdersTable = ReturnType<typeof createOrdersTable>;
export type PricesTable = ReturnType<typeof createPricesTable>;
