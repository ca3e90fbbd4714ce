// Packages every service for the `local` stage before the tests, when its
// packaged template is older than its sources, so that integration tests
// create tables and queues from the CloudFormation that would deploy.
import { packageAll } from './package-all.mjs';

export default async function globalSetup() {
  await packageAll({ stage: 'local', ifStale: true });
}
