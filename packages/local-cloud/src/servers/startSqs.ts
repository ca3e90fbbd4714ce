import { createSqsServer } from 'local-aws-sqs';
import { ACCOUNT_ID, REGION } from '../awsConstants';
import { closeServer, HOST } from './listen';
import type { StandIn, StandInOptions } from './startDynalite';

/**
 * Starts local-aws-sqs in this process on 127.0.0.1. Queue URLs and ARNs
 * use account 000000000000 and us-east-1, like the rest of the local cloud.
 */
export async function startSqs(options: StandInOptions = {}): Promise<StandIn> {
  const server = await createSqsServer({
    port: options.port ?? 0,
    hostname: HOST,
    accountId: ACCOUNT_ID,
    region: REGION,
    emulateQueueCreationLifecycle: false,
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://${HOST}:${port}`,
    stop: () => closeServer(server),
  };
}
