import type { Logger } from '@aws-lambda-powertools/logger';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { ProviderConfig } from '../config';
import type { Outbox } from '../data/outbox';
import type { NotificationProvider } from './notification-provider';
import { createOutboxProvider } from './outbox-provider';
import { createSesProvider } from './ses-provider';

/** Creates the provider that NOTIFICATION_PROVIDER selects. */
export function createProvider(
  config: ProviderConfig,
  options: { outbox: Outbox; clock: () => number; logger: Logger },
): NotificationProvider {
  if (config.kind === 'outbox') return createOutboxProvider(options);

  return createSesProvider({
    client: new SESv2Client({}),
    senderAddress: config.senderAddress,
  });
}
