import type { DeployedStack } from './deployStacks';

/**
 * Settings that replace the packaged ones in every service, for measuring
 * a baseline against the deployed configuration in the same run.
 */
export interface LocalCloudOverrides {
  /** Replaces every SQS event source mapping's BatchSize. */
  batchSize?: number;
  /** Replaces every mapping's MaximumBatchingWindowInSeconds. */
  batchingWindowSeconds?: number;
  /** Variables set in every function's environment, over its own. */
  env?: Record<string, string>;
}

/** Applies overrides to the stacks read from the packaged templates. */
export function applyOverrides(
  stacks: DeployedStack[],
  overrides: LocalCloudOverrides | undefined,
): void {
  if (!overrides) return;

  for (const stack of stacks) {
    for (const mapping of stack.mappings) {
      if (overrides.batchSize !== undefined) {
        mapping.batchSize = overrides.batchSize;
      }
      if (overrides.batchingWindowSeconds !== undefined) {
        mapping.maximumBatchingWindowSeconds = overrides.batchingWindowSeconds;
      }
    }
    for (const fn of Object.values(stack.created.functions)) {
      fn.environment = { ...fn.environment, ...overrides.env };
    }
  }
}
