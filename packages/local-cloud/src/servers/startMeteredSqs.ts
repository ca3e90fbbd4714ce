import { createServer, type IncomingMessage } from 'node:http';
import { createRequestHandler } from 'local-aws-sqs';
import { INTERNAL_REQUEST_HEADER } from '../aws/createClients';
import { ACCOUNT_ID, REGION } from '../awsConstants';
import { Counter } from '../stats/Counter';
import { closeServer, HOST, listen } from './listen';

export interface MeteredSqs {
  endpoint: string;
  /** Requests per SQS action, without the local cloud's own. */
  requests: Counter;
  stop(): Promise<void>;
}

/**
 * Starts local-aws-sqs in this process behind a request counter. The
 * counter wraps local-aws-sqs's request handler on the same server rather
 * than proxying to a second port, because SQS clients send requests to the
 * host in a QueueUrl, and local-aws-sqs writes its own port into the
 * QueueUrls it returns.
 */
export async function startMeteredSqs(port: number): Promise<MeteredSqs> {
  const requests = new Counter();
  const { service, requestHandler } = createRequestHandler({
    port,
    hostname: HOST,
    accountId: ACCOUNT_ID,
    region: REGION,
    emulateQueueCreationLifecycle: false,
  });

  const server = createServer((incoming, response) => {
    countAction(incoming, requests);
    void requestHandler(incoming, response);
  });
  const endpoint = await listen(server, port, 'SQS');
  service.PORT = Number(new URL(endpoint).port);

  return { endpoint, requests, stop: () => closeServer(server) };
}

/**
 * Counts a request by action: from X-Amz-Target in the JSON protocol, or
 * from the Action parameter in the query protocol.
 */
function countAction(incoming: IncomingMessage, requests: Counter): void {
  if (incoming.headers[INTERNAL_REQUEST_HEADER]) return;

  const target = incoming.headers['x-amz-target'];
  if (typeof target === 'string') {
    requests.add(target.split('.')[1] ?? target);
    return;
  }

  const query = new URL(incoming.url ?? '/', 'http://sqs').searchParams;
  const action = query.get('Action');
  if (action) {
    requests.add(action);
    return;
  }
  countFormAction(incoming, requests);
}

function countFormAction(incoming: IncomingMessage, requests: Counter): void {
  const chunks: Buffer[] = [];
  incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
  incoming.on('end', () => {
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    requests.add(form.get('Action') ?? 'Unknown');
  });
}
