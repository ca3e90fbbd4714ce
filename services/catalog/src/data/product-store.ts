import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BatchWriteOptions } from '@retail/shared';
import { createProductEntity, type ProductEntity } from './product';
import { createProductsTable, type ProductsTable } from './table';

/** Clients and settings of the reads and writes on products. */
export interface ProductStore {
  table: ProductsTable;
  entity: ProductEntity;
  documentClient: DynamoDBDocumentClient;
  tableName: string;
  logger: Logger;
  /**
   * Retry settings of BatchWriteItem, also used for the unprocessed keys of
   * BatchGetItem. Tests replace `sleep` and `random` to observe the delays.
   */
  batchOptions: Omit<BatchWriteOptions, 'logger'>;
}

export function createProductStore(options: {
  documentClient: DynamoDBDocumentClient;
  tableName: string;
  logger: Logger;
  batchOptions?: Omit<BatchWriteOptions, 'logger'>;
}): ProductStore {
  const table = createProductsTable(options.documentClient, options.tableName);
  return {
    table,
    entity: createProductEntity(table),
    documentClient: options.documentClient,
    tableName: options.tableName,
    logger: options.logger,
    batchOptions: options.batchOptions ?? {},
  };
}
