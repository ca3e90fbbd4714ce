import type { Logger } from '@aws-lambda-powertools/logger';
import {
  CodeDeployClient,
  GetApplicationRevisionCommand,
  GetDeploymentCommand,
  type LifecycleEventStatus,
  PutLifecycleEventHookExecutionStatusCommand,
} from '@aws-sdk/client-codedeploy';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { requireEnv } from '../config';
import { describeError } from '../errors';
import { lazyHandler } from '../handlers/lazy-handler';
import { createLogger } from '../observability/logger';
import {
  describeCheck,
  type ReleaseCheck,
  type ReleaseTarget,
  releaseCheckEvent,
  releaseCheckFailure,
} from './checks';

/** The event CodeDeploy sends to a lifecycle hook function. */
export interface CodeDeployHookEvent {
  DeploymentId: string;
  LifecycleEventHookExecutionId: string;
}

/** The function and version a deployment shifts traffic to. */
export interface DeploymentTarget {
  functionName: string;
  version: string;
}

/** The calls the hook makes to CodeDeploy. */
export interface Deployments {
  targetOf(deploymentId: string): Promise<DeploymentTarget>;
  report(
    deploymentId: string,
    executionId: string,
    status: Extract<LifecycleEventStatus, 'Succeeded' | 'Failed'>,
  ): Promise<void>;
}

/** Invokes one version of a function and returns its response. */
export interface VersionInvoker {
  invoke(
    target: DeploymentTarget,
    event: unknown,
  ): Promise<{ payload: unknown; functionError?: string }>;
}

export interface PreTrafficHookOptions {
  checks: ReleaseCheck[];
  /**
   * The function name of each target, such as `retail-orders-prod-http`,
   * or a function that reads them when the hook runs, so that a missing
   * setting is reported to CodeDeploy as Failed.
   */
  functions:
    | Record<ReleaseTarget, string>
    | (() => Record<ReleaseTarget, string>);
  deployments: Deployments;
  invoker: VersionInvoker;
  logger: Logger;
}

export interface PreTrafficResult {
  status: 'Succeeded' | 'Failed';
  failures: string[];
}

/**
 * Creates a BeforeAllowTraffic hook. It reads from CodeDeploy which
 * function and version the deployment releases, invokes that version once per check of
 * the function, and reports Succeeded only when every check passed.
 * Anything that stops the checks, such as an unknown function, reports
 * Failed, so CodeDeploy stops the deployment and keeps the old version.
 */
export function createPreTrafficHook(options: PreTrafficHookOptions) {
  return async function preTraffic(
    event: CodeDeployHookEvent,
  ): Promise<PreTrafficResult> {
    let failures: string[];
    try {
      failures = await runChecks(event.DeploymentId, options);
    } catch (error) {
      failures = [`the checks could not run: ${describeError(error)}`];
    }
    const status = failures.length === 0 ? 'Succeeded' : 'Failed';
    if (status === 'Failed') {
      options.logger.error('release checks failed', {
        deploymentId: event.DeploymentId,
        failures,
      });
    } else {
      options.logger.info('release checks passed', {
        deploymentId: event.DeploymentId,
      });
    }
    // If this call fails, the invocation fails too: Lambda retries it,
    // and CodeDeploy fails the deployment when the hook never reports.
    await options.deployments.report(
      event.DeploymentId,
      event.LifecycleEventHookExecutionId,
      status,
    );
    return { status, failures };
  };
}

async function runChecks(
  deploymentId: string,
  options: PreTrafficHookOptions,
): Promise<string[]> {
  const functions =
    typeof options.functions === 'function'
      ? options.functions()
      : options.functions;
  const target = await options.deployments.targetOf(deploymentId);
  const kind = (Object.entries(functions) as [ReleaseTarget, string][]).find(
    ([, name]) => name === target.functionName,
  )?.[0];
  if (!kind) {
    return [
      `deployment ${deploymentId} releases ${target.functionName}, which this hook does not check (it checks ${Object.values(functions).join(', ')}): point the function's preTrafficHook at its own service's hook`,
    ];
  }
  const checks = options.checks.filter((check) => check.target === kind);
  if (checks.length === 0) {
    return [
      `no release check targets the ${kind} function: add one per route or consumed event type to the service's release checks`,
    ];
  }

  // One after another: the first call also pays the cold start, and a
  // release check should not load the new version with a burst.
  const failures: string[] = [];
  for (const check of checks) {
    const failure = await runCheck(check, target, options.invoker);
    if (failure) failures.push(failure);
  }
  return failures;
}

async function runCheck(
  check: ReleaseCheck,
  target: DeploymentTarget,
  invoker: VersionInvoker,
): Promise<string | undefined> {
  try {
    const { payload, functionError } = await invoker.invoke(
      target,
      releaseCheckEvent(check),
    );
    return releaseCheckFailure(check, payload, functionError);
  } catch (error) {
    return `${describeCheck(check)}: the invocation failed: ${describeError(error)}`;
  }
}

/**
 * Reads the function and target version from a Lambda AppSpec, which
 * CodeDeploy keeps as JSON or YAML text. A Lambda AppSpec names exactly one
 * function, and `Name` and `TargetVersion` may be plain values or ARNs.
 * NOTE: not yet run against a deployment that CloudFormation started.
 * The fields read are those of the AppSpec reference for Lambda.
 */
export function parseLambdaAppSpec(content: string): DeploymentTarget {
  // JSON of another shape falls back to reading the keys as text.
  const json = jsonAppSpecFields(content);
  const { name, version } =
    json?.name || json?.version ? json : yamlAppSpecFields(content);
  if (!name || !version) {
    throw new TypeError(
      `the AppSpec has no ${name ? 'TargetVersion' : 'Name'}: expected a Lambda AppSpec with Name and TargetVersion, got ${content.slice(0, 200)}`,
    );
  }
  // arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]
  const arnName = /:function:([^:]+)/.exec(name)?.[1];
  return {
    functionName: arnName ?? name,
    version: version.split(':').pop() ?? version,
  };
}

interface AppSpecFields {
  name: string | undefined;
  version: string | undefined;
}

/** Reads a JSON AppSpec: Resources[0].<logical id>.Properties. */
function jsonAppSpecFields(content: string): AppSpecFields | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return undefined;
  }
  const resources = (parsed as { Resources?: unknown } | null)?.Resources;
  const first = Array.isArray(resources) ? resources[0] : undefined;
  const resource = first ? Object.values(first as object)[0] : undefined;
  const properties = (resource as { Properties?: Record<string, unknown> })
    ?.Properties;
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number'
      ? String(value)
      : undefined;
  return {
    name: text(properties?.Name),
    version: text(properties?.TargetVersion),
  };
}

/** Reads a YAML AppSpec by its keys, skipping comment lines. */
function yamlAppSpecFields(content: string): AppSpecFields {
  const lines = content
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  const field = (key: string) =>
    new RegExp(`(?<![\\w])["']?${key}["']?\\s*:\\s*["']?([^"'\\s,}#]+)`).exec(
      lines,
    )?.[1];
  return { name: field('Name'), version: field('TargetVersion') };
}

/**
 * Deployments backed by the CodeDeploy API. GetDeployment may return the
 * revision without its AppSpec text, which GetApplicationRevision returns.
 */
export function codeDeployDeployments(client: CodeDeployClient): Deployments {
  return {
    async targetOf(deploymentId) {
      const { deploymentInfo } = await client.send(
        new GetDeploymentCommand({ deploymentId }),
      );
      const revision = deploymentInfo?.revision;
      let content =
        revision?.appSpecContent?.content ?? revision?.string?.content;
      if (!content && revision && deploymentInfo?.applicationName) {
        const stored = await client.send(
          new GetApplicationRevisionCommand({
            applicationName: deploymentInfo.applicationName,
            revision,
          }),
        );
        content =
          stored.revision?.string?.content ??
          stored.revision?.appSpecContent?.content;
      }
      if (!content) {
        throw new TypeError(
          `deployment ${deploymentId} has no AppSpec content: a pre-traffic hook serves Lambda deployments only`,
        );
      }
      return parseLambdaAppSpec(content);
    },
    async report(deploymentId, lifecycleEventHookExecutionId, status) {
      await client.send(
        new PutLifecycleEventHookExecutionStatusCommand({
          deploymentId,
          lifecycleEventHookExecutionId,
          status,
        }),
      );
    },
  };
}

/** Invokes versions through the Lambda API and waits for each response. */
export function lambdaVersionInvoker(client: LambdaClient): VersionInvoker {
  return {
    async invoke(target, event) {
      const result = await client.send(
        new InvokeCommand({
          FunctionName: target.functionName,
          Qualifier: target.version,
          Payload: new TextEncoder().encode(JSON.stringify(event)),
        }),
      );
      const text = result.Payload
        ? new TextDecoder().decode(result.Payload)
        : '';
      let payload: unknown = text;
      try {
        payload = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON: the text itself is the clearest report.
      }
      return {
        payload,
        ...(result.FunctionError
          ? { functionError: result.FunctionError }
          : {}),
      };
    },
  };
}

/**
 * The handler of a service's pre-traffic hook function. It reads the
 * names of the two functions it checks from HTTP_FUNCTION_NAME and
 * CONSUMER_FUNCTION_NAME, set in serverless.yml.
 */
export function createPreTrafficHandler(
  serviceName: string,
  checks: ReleaseCheck[],
) {
  return lazyHandler(() =>
    createPreTrafficHook({
      checks,
      functions: () => ({
        http: requireEnv('HTTP_FUNCTION_NAME'),
        consumer: requireEnv('CONSUMER_FUNCTION_NAME'),
      }),
      deployments: codeDeployDeployments(new CodeDeployClient({})),
      invoker: lambdaVersionInvoker(new LambdaClient({})),
      logger: createLogger(serviceName),
    }),
  );
}
