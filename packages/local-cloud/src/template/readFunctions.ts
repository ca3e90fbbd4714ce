import type {
  IntrinsicResolver,
  TemplateResourceEntry,
} from './IntrinsicResolver';

/** An AWS::Lambda::Function, with its environment resolved. */
export interface FunctionSpec {
  logicalId: string;
  functionName: string;
  /** `path/to/module.export`, relative to the service folder. */
  handler: string | undefined;
  runtime: string | undefined;
  timeoutSeconds: number;
  memorySizeMb: number;
  environment: Record<string, string>;
}

/** Lambda's defaults when a function sets no Timeout or MemorySize. */
const DEFAULT_TIMEOUT_SECONDS = 3;
const DEFAULT_MEMORY_SIZE_MB = 128;

/** Reads every function of a template. */
export function readFunctions(resolver: IntrinsicResolver): FunctionSpec[] {
  return resolver
    .includedResources('AWS::Lambda::Function')
    .map((entry) => readFunction(resolver, entry));
}

function readFunction(
  resolver: IntrinsicResolver,
  { logicalId, properties }: TemplateResourceEntry,
): FunctionSpec {
  const optional = (key: string) => {
    const value = resolver.resolve(properties[key]);
    return value === undefined ? undefined : String(value);
  };
  const environment = (properties.Environment ?? {}) as {
    Variables?: unknown;
  };

  return {
    logicalId,
    functionName: resolver.physicalName(logicalId),
    handler: optional('Handler'),
    runtime: optional('Runtime'),
    timeoutSeconds: Number(optional('Timeout') ?? DEFAULT_TIMEOUT_SECONDS),
    memorySizeMb: Number(optional('MemorySize') ?? DEFAULT_MEMORY_SIZE_MB),
    environment: toStrings(resolver.resolve(environment.Variables ?? {})),
  };
}

function toStrings(value: unknown): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [key, item] of Object.entries(value ?? {})) {
    strings[key] =
      typeof item === 'object' ? JSON.stringify(item) : String(item);
  }
  return strings;
}
