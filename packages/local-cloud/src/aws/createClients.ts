import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { FAKE_CREDENTIALS, REGION } from '../awsConstants';

/**
 * Header that marks the local cloud's own bookkeeping requests (creating
 * resources, reading queue depths), which the SQS meter leaves out because
 * they are not part of the workload being measured.
 */
export const INTERNAL_REQUEST_HEADER = 'x-local-cloud-internal';

export interface ClientOptions {
  /** Marks every request as the local cloud's own, unmetered. */
  internal?: boolean;
}

export function createDynamoDbClient(
  endpoint: string,
  options: ClientOptions = {},
): DynamoDBClient {
  const client = new DynamoDBClient({
    endpoint,
    region: REGION,
    credentials: FAKE_CREDENTIALS,
  });
  if (options.internal) {
    client.middlewareStack.add(
      (next) => async (args) => next(markInternal(args)),
      INTERNAL_MIDDLEWARE,
    );
  }
  return client;
}

export function createSqsClient(
  endpoint: string,
  options: ClientOptions = {},
): SQSClient {
  const client = new SQSClient({
    endpoint,
    region: REGION,
    credentials: FAKE_CREDENTIALS,
  });
  if (options.internal) {
    client.middlewareStack.add(
      (next) => async (args) => next(markInternal(args)),
      INTERNAL_MIDDLEWARE,
    );
  }
  return client;
}

const INTERNAL_MIDDLEWARE = {
  step: 'build',
  name: 'markLocalCloudInternal',
} as const;

function markInternal<T extends { request: unknown }>(args: T): T {
  const request = args.request as
    | { headers?: Record<string, string> }
    | undefined;
  if (request?.headers) request.headers[INTERNAL_REQUEST_HEADER] = '1';
  return args;
}
