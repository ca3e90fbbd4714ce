import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox';

// Mirrors resources/tables.yml. Both tables have a partition key only and
// no indexes: the stock table is keyed by the catalog's SKU as is, and the
// reservations table by the order id from OrderPlaced as is.

export function createStockTable(
  documentClient: DynamoDBDocumentClient,
  name: string,
) {
  return new Table({
    name,
    partitionKey: { name: 'sku', type: 'string' },
    documentClient,
  });
}

export function createReservationsTable(
  documentClient: DynamoDBDocumentClient,
  name: string,
) {
  return new Table({
    name,
    partitionKey: { name: 'orderId', type: 'string' },
    documentClient,
  });
}

export type StockTable = ReturnType<typeof createStockTable>;
export type ReservationsTable = ReturnType<typeof createReservationsTable>;
