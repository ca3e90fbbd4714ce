import { createDocumentClient } from '@retail/shared';
import {
  type CloudFormationTemplate,
  readPackagedTemplate,
  resourcesOfType,
} from '@retail/testing';
import { createProductsTable, PRODUCTS_TABLE_ENV } from '../../src/data/table';
import { SERVICE_DIR } from '../support/test-bed';

const KEY_TYPES = { string: 'S', number: 'N', binary: 'B' } as const;

let template: CloudFormationTemplate;

beforeAll(() => {
  template = readPackagedTemplate(SERVICE_DIR);
});

function productsTableProperties(): Record<string, unknown> {
  const [entry] = resourcesOfType(template, 'AWS::DynamoDB::Table').filter(
    ([logicalId]) => logicalId === 'ProductsTable',
  );
  if (!entry) throw new Error('packaged template has no ProductsTable');
  return entry[1];
}

function functionEnvironments(): Array<Record<string, string>> {
  return resourcesOfType(template, 'AWS::Lambda::Function').map(
    ([, properties]) =>
      (properties.Environment as { Variables: Record<string, string> })
        .Variables,
  );
}

describe('products table', () => {
  describe('name', () => {
    it('is set for every function', () => {
      const tableName = productsTableProperties().TableName;

      const names = functionEnvironments().map(
        (variables) => variables[PRODUCTS_TABLE_ENV],
      );

      // The HTTP function, the consumer and the pre-traffic hook each get it.
      expect(names).toHaveLength(3);
      expect(new Set(names)).toEqual(new Set([tableName]));
    });

    it('reaches the toolbox table', () => {
      const tableName = String(productsTableProperties().TableName);

      const table = createProductsTable(createDocumentClient(), tableName);

      expect(table.getName()).toBe(tableName);
    });
  });

  describe('key schema', () => {
    it('matches the template', () => {
      const table = createProductsTable(createDocumentClient(), 'any');
      const properties = productsTableProperties();

      expect(table.sortKey).toBeUndefined();
      expect(properties.KeySchema).toEqual([
        { AttributeName: table.partitionKey.name, KeyType: 'HASH' },
      ]);
      expect(properties.AttributeDefinitions).toEqual([
        {
          AttributeName: table.partitionKey.name,
          AttributeType: KEY_TYPES[table.partitionKey.type],
        },
      ]);
    });

    it('has no indexes on either side', () => {
      const table = createProductsTable(createDocumentClient(), 'any');

      expect(table.indexes).toEqual({});
      expect(productsTableProperties()).not.toHaveProperty(
        'GlobalSecondaryIndexes',
      );
      expect(productsTableProperties()).not.toHaveProperty(
        'LocalSecondaryIndexes',
      );
    });
  });
});
