import type {
  CreateTableCommandInput,
  GlobalSecondaryIndex,
  LocalSecondaryIndex,
  ProvisionedThroughput,
} from '@aws-sdk/client-dynamodb';
import { TemplateError } from '../errors';
import type {
  IntrinsicResolver,
  TemplateResourceEntry,
} from './IntrinsicResolver';

/** An AWS::DynamoDB::Table as a CreateTable request. */
export interface TableSpec {
  logicalId: string;
  input: CreateTableCommandInput;
  /** Properties that dynalite cannot apply, such as TTL and PITR. */
  ignoredProperties: string[];
}

const APPLIED = new Set([
  'TableName',
  'KeySchema',
  'AttributeDefinitions',
  'BillingMode',
  'ProvisionedThroughput',
  'GlobalSecondaryIndexes',
  'LocalSecondaryIndexes',
  'StreamSpecification',
]);

type IndexProperties = GlobalSecondaryIndex & LocalSecondaryIndex;

/** Reads every table of a template as a CreateTable request. */
export function readTables(resolver: IntrinsicResolver): TableSpec[] {
  return resolver
    .includedResources('AWS::DynamoDB::Table')
    .map((entry) => readTable(resolver, entry));
}

function readTable(
  resolver: IntrinsicResolver,
  { logicalId, properties }: TemplateResourceEntry,
): TableSpec {
  const resolved = (key: string) => resolver.resolve(properties[key]);
  const billingMode = String(resolved('BillingMode') ?? 'PROVISIONED');
  const provisioned = billingMode === 'PROVISIONED';
  const throughput = (value: unknown, where: string) =>
    provisioned ? toThroughput(value, `${logicalId} ${where}`) : undefined;

  const input: CreateTableCommandInput = {
    TableName: resolver.physicalName(logicalId),
    KeySchema: resolved('KeySchema') as CreateTableCommandInput['KeySchema'],
    AttributeDefinitions: resolved(
      'AttributeDefinitions',
    ) as CreateTableCommandInput['AttributeDefinitions'],
    BillingMode: billingMode as CreateTableCommandInput['BillingMode'],
    ProvisionedThroughput: throughput(
      resolved('ProvisionedThroughput'),
      'ProvisionedThroughput',
    ),
    GlobalSecondaryIndexes: indexes(resolved('GlobalSecondaryIndexes'))?.map(
      (index) => ({
        IndexName: index.IndexName,
        KeySchema: index.KeySchema,
        Projection: index.Projection,
        ProvisionedThroughput: throughput(
          index.ProvisionedThroughput,
          `index ${index.IndexName}`,
        ),
      }),
    ),
    LocalSecondaryIndexes: indexes(resolved('LocalSecondaryIndexes'))?.map(
      (index) => ({
        IndexName: index.IndexName,
        KeySchema: index.KeySchema,
        Projection: index.Projection,
      }),
    ),
    StreamSpecification: streamSpecification(resolved('StreamSpecification')),
  };

  return {
    logicalId,
    input,
    ignoredProperties: Object.keys(properties).filter(
      (key) => !APPLIED.has(key),
    ),
  };
}

function indexes(value: unknown): IndexProperties[] | undefined {
  return Array.isArray(value) ? (value as IndexProperties[]) : undefined;
}

function toThroughput(value: unknown, where: string): ProvisionedThroughput {
  const throughput = (value ?? {}) as Record<string, unknown>;
  const read = Number(throughput.ReadCapacityUnits);
  const write = Number(throughput.WriteCapacityUnits);
  if (!Number.isFinite(read) || !Number.isFinite(write)) {
    throw new TemplateError(
      `${where} needs ReadCapacityUnits and WriteCapacityUnits when BillingMode is PROVISIONED`,
    );
  }
  return { ReadCapacityUnits: read, WriteCapacityUnits: write };
}

function streamSpecification(
  value: unknown,
): CreateTableCommandInput['StreamSpecification'] {
  const viewType = (value as { StreamViewType?: string } | undefined)
    ?.StreamViewType;
  if (!viewType) return undefined;
  return {
    StreamEnabled: true,
    StreamViewType: viewType as NonNullable<
      CreateTableCommandInput['StreamSpecification']
    >['StreamViewType'],
  };
}
