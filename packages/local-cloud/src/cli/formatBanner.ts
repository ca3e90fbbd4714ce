import path from 'node:path';
import { FAKE_CREDENTIALS, REGION } from '../awsConstants';
import type { LocalCloudUrls } from '../startLocalCloud';
import { localCloudDir } from '../stateFile';

/**
 * Formats what the CLI prints once the cloud runs: the URLs, where function
 * logs go, and the environment for `sls invoke local` against the cloud.
 */
export function formatBanner(urls: LocalCloudUrls, repoRoot: string): string {
  const logs = path.relative(
    process.cwd(),
    path.join(localCloudDir(repoRoot), 'logs'),
  );
  return [
    'Local cloud running on 127.0.0.1:',
    `  HTTP API     ${urls.http}`,
    `  DynamoDB     ${urls.dynamodb}`,
    `  SQS          ${urls.sqs}`,
    `  EventBridge  ${urls.eventbridge}`,
    `  Stats        ${urls.http}/_local/stats`,
    `Function logs: ${logs}/<service>.log`,
    '',
    'For `sls invoke local` against this cloud, set:',
    `  export AWS_REGION=${REGION}`,
    `  export AWS_ACCESS_KEY_ID=${FAKE_CREDENTIALS.accessKeyId}`,
    `  export AWS_SECRET_ACCESS_KEY=${FAKE_CREDENTIALS.secretAccessKey}`,
    `  export AWS_ENDPOINT_URL_DYNAMODB=${urls.dynamodb}`,
    `  export AWS_ENDPOINT_URL_SQS=${urls.sqs}`,
    `  export AWS_ENDPOINT_URL_EVENTBRIDGE=${urls.eventbridge}`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}
