/// <reference path="./dynalite.d.ts" />
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import dynalite from 'dynalite';
import { createSqsServer } from 'local-aws-sqs';
import { createDocumentClientForTests } from './clients';

/** A stand-in server started by a test, on 127.0.0.1 and a free port. */
export interface StandIn {
  endpoint: string;
  stop(): Promise<void>;
}

/** Fake credentials: the stand-ins accept any. */
export const TEST_CREDENTIALS = {
  accessKeyId: 'test',
  secretAccessKey: 'test',
};
export const TEST_REGION = 'us-east-1';

/** Starts an in-memory dynalite that creates tables at once. */
export async function startDynalite(): Promise<StandIn> {
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error?: Error) => (error ? reject(error) : resolve())),
      ),
  };
}

/** Starts local-aws-sqs in this process. */
export async function startSqs(): Promise<StandIn> {
  const server = await createSqsServer({
    port: 0,
    hostname: '127.0.0.1',
    emulateQueueCreationLifecycle: false,
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error?: Error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Creates SDK clients for a stand-in endpoint. */
export function dynamoClientFor(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
  });
}

export function sqsClientFor(endpoint: string): SQSClient {
  return new SQSClient({
    endpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
  });
}

export { createDocumentClientForTests };
