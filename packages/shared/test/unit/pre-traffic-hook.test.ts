import {
  GetApplicationRevisionCommand,
  GetDeploymentCommand,
  PutLifecycleEventHookExecutionStatusCommand,
} from '@aws-sdk/client-codedeploy';
import type { InvokeCommand } from '@aws-sdk/client-lambda';

import { createQueueConsumer } from '../../src/consumer/queue-consumer';
import { NotFoundError } from '../../src/errors';
import { type EventType, eventSchemas } from '../../src/events/contracts';
import { createHttpApi } from '../../src/http/http-api';
import { createLogger } from '../../src/observability/logger';
import { createMetrics } from '../../src/observability/metrics';
import {
  consumerCheck,
  consumerChecks,
  type ReleaseCheck,
  releaseCheckEvent,
} from '../../src/release/checks';
import {
  inProcessInvoker,
  runReleaseChecks,
} from '../../src/release/in-process';
import {
  codeDeployDeployments,
  createPreTrafficHook,
  type Deployments,
  lambdaVersionInvoker,
  parseLambdaAppSpec,
} from '../../src/release/pre-traffic-hook';

const FUNCTIONS = { http: 'shop-prod-http', consumer: 'shop-prod-consumer' };

/**
 * CodeDeploy has no stand-in: this one releases `functionName` at version
 * 8 and records what the hook reports.
 */
function deploymentOf(functionName: string) {
  const reports: Array<{ executionId: string; status: string }> = [];
  const deployments: Deployments = {
    targetOf: async () => ({ functionName, version: '8' }),
    report: async (_deploymentId, executionId, status) => {
      reports.push({ executionId, status });
    },
  };
  return { deployments, reports };
}

const applied: string[] = [];

const http = createHttpApi({
  logger: createLogger('test'),
  routes: [
    {
      method: 'GET',
      path: '/items/{id}',
      handler: async (request) => {
        throw new NotFoundError(`item ${request.params.id} not found`, {});
      },
    },
  ],
});

const consumer = createQueueConsumer({
  logger: createLogger('test'),
  metrics: createMetrics('test'),
  routes: {
    StockReserved: async (payload) => {
      applied.push(payload.orderId);
    },
  },
});

const invoker = inProcessInvoker({
  [FUNCTIONS.http]: http,
  [FUNCTIONS.consumer]: consumer,
});

const itemCheck: ReleaseCheck = {
  target: 'http',
  routeKey: 'GET /items/{id}',
  path: '/items/release-check',
  expectStatus: 404,
};

function hookWith(checks: ReleaseCheck[], deployments: Deployments) {
  return createPreTrafficHook({
    checks,
    functions: FUNCTIONS,
    deployments,
    invoker,
    logger: createLogger('test'),
  });
}

const hookEvent = {
  DeploymentId: 'd-1',
  LifecycleEventHookExecutionId: 'hook-1',
};

beforeEach(() => {
  applied.length = 0;
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

describe('createPreTrafficHook', () => {
  test('succeeds when every check passes', async () => {
    const { deployments, reports } = deploymentOf(FUNCTIONS.http);

    const result = await hookWith([itemCheck], deployments)(hookEvent);

    expect(result).toEqual({ status: 'Succeeded', failures: [] });
    expect(reports).toEqual([{ executionId: 'hook-1', status: 'Succeeded' }]);
  });

  test('fails naming the route on status', async () => {
    const { deployments, reports } = deploymentOf(FUNCTIONS.http);

    const result = await hookWith(
      [{ ...itemCheck, expectStatus: 200 }],
      deployments,
    )(hookEvent);

    expect(result.failures).toEqual([
      'GET /items/{id} (/items/release-check): expected status 200, got 404',
    ]);
    expect(reports).toEqual([{ executionId: 'hook-1', status: 'Failed' }]);
  });

  test('fails a 404 check on a lost route', async () => {
    const { deployments } = deploymentOf(FUNCTIONS.http);

    const result = await hookWith(
      [{ ...itemCheck, routeKey: 'GET /things/{id}', path: '/things/x' }],
      deployments,
    )(hookEvent);

    expect(result.failures).toEqual([
      'GET /things/{id} (/things/x): the new version has no such route',
    ]);
  });

  test('fails when the version throws', async () => {
    const { deployments, reports } = deploymentOf(FUNCTIONS.http);
    const broken = createPreTrafficHook({
      checks: [itemCheck],
      functions: FUNCTIONS,
      deployments,
      invoker: inProcessInvoker({
        [FUNCTIONS.http]: async () => {
          throw new Error('missing environment variable ORDERS_TABLE');
        },
      }),
      logger: createLogger('test'),
    });

    const result = await broken(hookEvent);

    expect(result.failures[0]).toMatch(
      /the function failed \(Unhandled\).*ORDERS_TABLE/,
    );
    expect(reports[0]?.status).toBe('Failed');
  });

  test('runs the released function’s checks only', async () => {
    const { deployments, reports } = deploymentOf(FUNCTIONS.consumer);

    const result = await hookWith(
      [
        { ...itemCheck, expectStatus: 500 },
        consumerCheck('StockReserved', { orderId: 'o-1' }),
      ],
      deployments,
    )(hookEvent);

    expect(result.status).toBe('Succeeded');
    expect(reports[0]?.status).toBe('Succeeded');
  });

  test('validates consumer checks without applying them', async () => {
    const { deployments } = deploymentOf(FUNCTIONS.consumer);

    const result = await hookWith(
      [consumerCheck('StockReserved', { orderId: 'o-1' })],
      deployments,
    )(hookEvent);

    expect(result.status).toBe('Succeeded');
    expect(applied).toEqual([]);
  });

  test('fails an event type without route', async () => {
    const { deployments } = deploymentOf(FUNCTIONS.consumer);

    const result = await hookWith(
      [
        consumerCheck('OrderPlaced', {
          orderId: 'o-1',
          customerId: 'c-1',
          lines: [{ sku: 'A', quantity: 1 }],
        } as never),
      ],
      deployments,
    )(hookEvent);

    expect(result.failures).toEqual([
      'OrderPlaced event: the record was reported failed',
    ]);
  });

  test('fails a function without checks', async () => {
    const { deployments, reports } = deploymentOf(FUNCTIONS.consumer);

    const result = await hookWith([itemCheck], deployments)(hookEvent);

    expect(result.failures[0]).toMatch(
      /no release check targets the consumer function/,
    );
    expect(reports[0]?.status).toBe('Failed');
  });

  test('fails another service’s function', async () => {
    const { deployments, reports } = deploymentOf('other-prod-http');

    const result = await hookWith([itemCheck], deployments)(hookEvent);

    expect(result.failures[0]).toMatch(
      /releases other-prod-http, which this hook does not check/,
    );
    expect(reports[0]?.status).toBe('Failed');
  });

  test('fails when a setting is missing', async () => {
    const { deployments, reports } = deploymentOf(FUNCTIONS.http);
    const hook = createPreTrafficHook({
      checks: [itemCheck],
      functions: () => {
        throw new Error('missing environment variable HTTP_FUNCTION_NAME');
      },
      deployments,
      invoker,
      logger: createLogger('test'),
    });

    const result = await hook(hookEvent);

    expect(result.failures[0]).toMatch(/HTTP_FUNCTION_NAME/);
    expect(reports[0]?.status).toBe('Failed');
  });

  test('fails when CodeDeploy is unreadable', async () => {
    const reports: string[] = [];
    const hook = hookWith([itemCheck], {
      targetOf: async () => {
        throw new Error('AccessDeniedException');
      },
      report: async (_id, _execution, status) => {
        reports.push(status);
      },
    });

    const result = await hook(hookEvent);

    expect(result.failures[0]).toMatch(
      /the checks could not run: .*AccessDeniedException/,
    );
    expect(reports).toEqual(['Failed']);
  });
});

describe('runReleaseChecks', () => {
  test('reports what the hook reported', async () => {
    const result = await runReleaseChecks({
      checks: [{ ...itemCheck, expectStatus: 200 }],
      target: 'http',
      handlers: { http, consumer },
      logger: createLogger('test'),
    });

    expect(result.status).toBe('Failed');
    expect(result.reported).toEqual(['Failed']);
  });
});

describe('releaseCheckEvent', () => {
  test('fills path parameters from the route', () => {
    const event = releaseCheckEvent(itemCheck);

    expect(event).toMatchObject({
      routeKey: 'GET /items/{id}',
      rawPath: '/items/release-check',
      pathParameters: { id: 'release-check' },
    });
  });

  test('rejects a path off its route', () => {
    expect(() => releaseCheckEvent({ ...itemCheck, path: '/items' })).toThrow(
      'release check path /items does not match route GET /items/{id}: fill in every {parameter} of the route',
    );
  });
});

describe('consumerChecks', () => {
  test('gives every type a valid payload', () => {
    const types = Object.keys(eventSchemas) as EventType[];

    for (const check of consumerChecks(...types)) {
      const parsed = eventSchemas[check.type].safeParse(check.payload);
      expect({ type: check.type, valid: parsed.success }).toEqual({
        type: check.type,
        valid: true,
      });
    }
  });
});

describe('parseLambdaAppSpec', () => {
  test('reads function and version from JSON', () => {
    const content = JSON.stringify({
      version: 0.0,
      Resources: [
        {
          HttpLambdaFunction: {
            Type: 'AWS::Lambda::Function',
            Properties: {
              Name: 'shop-prod-http',
              Alias: 'Live',
              CurrentVersion: '7',
              TargetVersion: '8',
            },
          },
        },
      ],
    });

    expect(parseLambdaAppSpec(content)).toEqual({
      functionName: 'shop-prod-http',
      version: '8',
    });
  });

  test('reads YAML and ARNs', () => {
    const content = [
      'version: 0.0',
      'Resources:',
      '  - consumer:',
      '      Type: AWS::Lambda::Function',
      '      Properties:',
      '        Name: arn:aws:lambda:eu-west-2:1:function:shop-prod-consumer',
      '        Alias: Live',
      "        CurrentVersion: '3'",
      '        TargetVersion: arn:aws:lambda:eu-west-2:1:function:shop-prod-consumer:4',
    ].join('\n');

    expect(parseLambdaAppSpec(content)).toEqual({
      functionName: 'shop-prod-consumer',
      version: '4',
    });
  });

  test('skips YAML comments', () => {
    const content = [
      'Resources:',
      '  - http:',
      '      Properties:',
      '        # TargetVersion: 7 was the version before',
      '        Name: shop-prod-http',
      '        TargetVersion: 8',
    ].join('\n');

    expect(parseLambdaAppSpec(content)).toEqual({
      functionName: 'shop-prod-http',
      version: '8',
    });
  });

  test('names the missing field', () => {
    expect(() => parseLambdaAppSpec('{"Name":"shop-prod-http"}')).toThrow(
      /the AppSpec has no TargetVersion/,
    );
  });
});

// The SDK adapters, against a client that responds as the AWS APIs do.
describe('codeDeployDeployments', () => {
  test('reads the AppSpec and reports the status', async () => {
    const sent: unknown[] = [];
    const client = {
      send: async (command: unknown) => {
        sent.push(command);
        if (command instanceof GetDeploymentCommand) {
          return {
            deploymentInfo: {
              revision: {
                revisionType: 'AppSpecContent',
                appSpecContent: {
                  content:
                    '{"Resources":[{"f":{"Properties":{"Name":"shop-prod-http","TargetVersion":"12"}}}]}',
                },
              },
            },
          };
        }
        return {};
      },
    };
    const deployments = codeDeployDeployments(client as never);

    await expect(deployments.targetOf('d-9')).resolves.toEqual({
      functionName: 'shop-prod-http',
      version: '12',
    });
    await deployments.report('d-9', 'hook-9', 'Failed');

    expect(sent[0]).toBeInstanceOf(GetDeploymentCommand);
    expect((sent[0] as GetDeploymentCommand).input).toEqual({
      deploymentId: 'd-9',
    });
    expect(sent[1]).toBeInstanceOf(PutLifecycleEventHookExecutionStatusCommand);
    expect(
      (sent[1] as PutLifecycleEventHookExecutionStatusCommand).input,
    ).toEqual({
      deploymentId: 'd-9',
      lifecycleEventHookExecutionId: 'hook-9',
      status: 'Failed',
    });
  });

  test('reads the AppSpec from the application revision', async () => {
    const revision = {
      revisionType: 'String',
      string: { sha256: 'abc' },
    };
    const sent: unknown[] = [];
    const client = {
      send: async (command: unknown) => {
        sent.push(command);
        if (command instanceof GetDeploymentCommand) {
          return {
            deploymentInfo: { applicationName: 'shop-prod-app', revision },
          };
        }
        return {
          revision: {
            revisionType: 'String',
            string: {
              content:
                '{"Resources":[{"f":{"Properties":{"Name":"shop-prod-consumer","TargetVersion":"5"}}}]}',
            },
          },
        };
      },
    };

    await expect(
      codeDeployDeployments(client as never).targetOf('d-3'),
    ).resolves.toEqual({ functionName: 'shop-prod-consumer', version: '5' });
    expect(sent[1]).toBeInstanceOf(GetApplicationRevisionCommand);
    expect((sent[1] as GetApplicationRevisionCommand).input).toEqual({
      applicationName: 'shop-prod-app',
      revision,
    });
  });

  test('rejects a deployment without AppSpec', async () => {
    const client = { send: async () => ({ deploymentInfo: {} }) };

    await expect(
      codeDeployDeployments(client as never).targetOf('d-1'),
    ).rejects.toThrow(
      'deployment d-1 has no AppSpec content: a pre-traffic hook serves Lambda deployments only',
    );
  });
});

describe('lambdaVersionInvoker', () => {
  test('returns the response and error', async () => {
    const sent: InvokeCommand[] = [];
    const client = {
      send: async (command: InvokeCommand) => {
        sent.push(command);
        return {
          FunctionError: 'Unhandled',
          Payload: new TextEncoder().encode('{"errorType":"TypeError"}'),
        };
      },
    };

    const result = await lambdaVersionInvoker(client as never).invoke(
      { functionName: 'shop-prod-http', version: '12' },
      { ping: true },
    );

    expect(result).toEqual({
      payload: { errorType: 'TypeError' },
      functionError: 'Unhandled',
    });
    expect(sent[0]?.input.FunctionName).toBe('shop-prod-http');
    expect(sent[0]?.input.Qualifier).toBe('12');
    expect(
      JSON.parse(
        new TextDecoder().decode(sent[0]?.input.Payload as Uint8Array),
      ),
    ).toEqual({ ping: true });
  });
});
