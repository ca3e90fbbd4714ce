import { PlatformError } from './errors';

/** A required environment variable is missing or empty. */
export class ConfigurationError extends PlatformError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFIGURATION_INVALID', message, { details });
  }
}

/** Returns an environment variable, or throws naming the missing one. */
export function requireEnv(name: string, env = process.env): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new ConfigurationError(
      `missing environment variable ${name}: set it in the function's environment in serverless.yml`,
      { name },
    );
  }
  return value;
}
