import { createPreTrafficHandler } from '@retail/shared/release';
import { releaseChecks } from '../release-checks';

/** CodeDeploy's BeforeAllowTraffic hook for both functions of the service. */
export const handler = createPreTrafficHandler('catalog', releaseChecks);
