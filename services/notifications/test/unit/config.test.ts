import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConfigurationError, createDocumentClient } from '@retail/shared';
import { TEST_CREDENTIALS, TEST_REGION } from '@retail/testing';
import { readConfig } from '../../src/config';
import { createDependencies } from '../../src/dependencies';

const BASE_ENV = {
  DELIVERIES_TABLE: 'deliveries',
  LOG_TABLE: 'log',
  OUTBOX_TABLE: 'outbox',
  RECIPIENT_DOMAIN: 'customers.retail.test',
  SENDER_ADDRESS: 'orders@retail.test',
};

function providerFor(env: NodeJS.ProcessEnv) {
  const client = new DynamoDBClient({
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
  });
  const deps = createDependencies({
    config: readConfig(env),
    documentClient: createDocumentClient(client),
  });
  return deps.provider;
}

describe('readConfig', () => {
  it('reads the table names', () => {
    const config = readConfig({ ...BASE_ENV, NOTIFICATION_PROVIDER: 'outbox' });

    expect(config.tables).toEqual({
      deliveries: 'deliveries',
      log: 'log',
      outbox: 'outbox',
    });
  });

  it('reads the SES sender address', () => {
    const config = readConfig({ ...BASE_ENV, NOTIFICATION_PROVIDER: 'ses' });

    expect(config.provider).toEqual({
      kind: 'ses',
      senderAddress: 'orders@retail.test',
    });
  });

  it('rejects an unknown provider', () => {
    const read = () =>
      readConfig({ ...BASE_ENV, NOTIFICATION_PROVIDER: 'smtp' });

    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(
      'invalid NOTIFICATION_PROVIDER "smtp": set it to ses or outbox',
    );
  });

  it('requires a sender for SES', () => {
    const { SENDER_ADDRESS: _, ...env } = BASE_ENV;

    const read = () => readConfig({ ...env, NOTIFICATION_PROVIDER: 'ses' });

    expect(read).toThrow('missing environment variable SENDER_ADDRESS');
  });

  it('needs no sender for the outbox', () => {
    const { SENDER_ADDRESS: _, ...env } = BASE_ENV;

    const config = readConfig({ ...env, NOTIFICATION_PROVIDER: 'outbox' });

    expect(config.provider).toEqual({ kind: 'outbox' });
  });
});

describe('provider selection', () => {
  it.each(['ses', 'outbox'])('selects %s by environment', (name) => {
    const provider = providerFor({ ...BASE_ENV, NOTIFICATION_PROVIDER: name });

    expect(provider.name).toBe(name);
  });
});
