import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { Counter } from './Counter';

/** Capacity units consumed on one table. */
export interface TableCapacity {
  readCapacityUnits: number;
  writeCapacityUnits: number;
}

/** DynamoDB usage as AWS would bill it, per table and per operation. */
export interface DynamoDbUsage {
  tables: Record<string, TableCapacity>;
  requests: Record<string, number>;
}

const READ_OPERATIONS = new Set([
  'GetItem',
  'BatchGetItem',
  'Query',
  'Scan',
  'TransactGetItems',
]);

const WRITE_OPERATIONS = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

/** Returns true for operations that accept ReturnConsumedCapacity. */
export function reportsCapacity(operation: string): boolean {
  return READ_OPERATIONS.has(operation) || WRITE_OPERATIONS.has(operation);
}

/**
 * Sums the ConsumedCapacity that DynamoDB returns, per table, and counts
 * requests per operation.
 */
export class CapacityMeter {
  private readonly requests = new Counter();
  private readonly tables = new Map<string, TableCapacity>();

  countRequest(operation: string): void {
    this.requests.add(operation);
  }

  /** Adds the ConsumedCapacity of one response, a single entry or a list. */
  record(
    operation: string,
    consumed: ConsumedCapacity | ConsumedCapacity[] | undefined,
  ): void {
    const entries = Array.isArray(consumed) ? consumed : [consumed];
    for (const entry of entries) {
      if (entry?.TableName) this.add(operation, entry.TableName, entry);
    }
  }

  usage(): DynamoDbUsage {
    const names = [...this.tables.keys()].sort();
    return {
      tables: Object.fromEntries(
        names.map((name) => [name, { ...this.tables.get(name) }]),
      ) as Record<string, TableCapacity>,
      requests: this.requests.toRecord(),
    };
  }

  private add(
    operation: string,
    tableName: string,
    consumed: ConsumedCapacity,
  ): void {
    const table = this.tables.get(tableName) ?? {
      readCapacityUnits: 0,
      writeCapacityUnits: 0,
    };
    const total = consumed.CapacityUnits ?? 0;
    const isRead = READ_OPERATIONS.has(operation);

    table.readCapacityUnits +=
      consumed.ReadCapacityUnits ?? (isRead ? total : 0);
    table.writeCapacityUnits +=
      consumed.WriteCapacityUnits ?? (isRead ? 0 : total);
    this.tables.set(tableName, table);
  }
}
