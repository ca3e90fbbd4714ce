import { ConfigurationError, requireEnv } from '@retail/shared';

export const PROVIDER_KINDS = ['ses', 'outbox'] as const;

export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** The delivery channel, chosen per stage by NOTIFICATION_PROVIDER. */
export type ProviderConfig =
  | { kind: 'ses'; senderAddress: string }
  | { kind: 'outbox' };

export interface Config {
  tables: { deliveries: string; log: string; outbox: string };
  provider: ProviderConfig;
  /** Domain of the recipient address `<customerId>@<recipientDomain>`. */
  recipientDomain: string;
}

/** Reads and checks the function's environment. */
export function readConfig(env = process.env): Config {
  return {
    tables: {
      deliveries: requireEnv('DELIVERIES_TABLE', env),
      log: requireEnv('LOG_TABLE', env),
      outbox: requireEnv('OUTBOX_TABLE', env),
    },
    provider: readProviderConfig(env),
    recipientDomain: requireEnv('RECIPIENT_DOMAIN', env),
  };
}

function readProviderConfig(env: NodeJS.ProcessEnv): ProviderConfig {
  const kind = requireEnv('NOTIFICATION_PROVIDER', env);
  if (kind === 'outbox') return { kind };
  if (kind === 'ses') {
    return { kind, senderAddress: requireEnv('SENDER_ADDRESS', env) };
  }

  throw new ConfigurationError(
    `invalid NOTIFICATION_PROVIDER "${kind}": set it to ${PROVIDER_KINDS.join(' or ')}`,
    { name: 'NOTIFICATION_PROVIDER', value: kind },
  );
}
