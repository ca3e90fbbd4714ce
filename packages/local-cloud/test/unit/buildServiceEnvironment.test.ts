import { EnvironmentConflictError } from '../../src/errors';
import { buildServiceEnvironment } from '../../src/lambda/buildServiceEnvironment';
import type { FunctionSpec } from '../../src/template/readFunctions';

function fn(
  functionName: string,
  environment: Record<string, string>,
): FunctionSpec {
  return {
    logicalId: functionName,
    functionName,
    handler: 'src/handler.handler',
    runtime: 'nodejs22.x',
    timeoutSeconds: 3,
    memorySizeMb: 128,
    environment,
  };
}

const endpoints = {
  dynamodb: 'http://127.0.0.1:8000',
  sqs: 'http://127.0.0.1:9324',
  eventbridge: 'http://127.0.0.1:4010',
};

describe('buildServiceEnvironment', () => {
  it('merges variables and endpoints', () => {
    const env = buildServiceEnvironment(
      [
        fn('http', { TABLE: 't', SHARED: 'x' }),
        fn('consumer', { QUEUE: 'q', SHARED: 'x' }),
      ],
      endpoints,
      '/repo/services/orders',
    );

    expect(env).toMatchObject({
      TABLE: 't',
      QUEUE: 'q',
      SHARED: 'x',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
      AWS_ENDPOINT_URL_SQS: endpoints.sqs,
      AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.eventbridge,
      LAMBDA_TASK_ROOT: '/repo/services/orders',
    });
  });

  it('lets Lambda variables win over function variables', () => {
    const env = buildServiceEnvironment(
      [fn('http', { AWS_REGION: 'eu-west-2' })],
      endpoints,
      '/repo',
    );

    expect(env.AWS_REGION).toBe('us-east-1');
  });

  it('passes no AWS profile from this process', () => {
    process.env.AWS_PROFILE = 'production';
    try {
      const env = buildServiceEnvironment([fn('http', {})], endpoints, '/repo');

      expect(env.AWS_PROFILE).toBeUndefined();
    } finally {
      delete process.env.AWS_PROFILE;
    }
  });

  it('rejects conflicting variable values', () => {
    const build = () =>
      buildServiceEnvironment(
        [
          fn('svc-http', { LOG_LEVEL: 'INFO' }),
          fn('svc-consumer', { LOG_LEVEL: 'DEBUG' }),
        ],
        endpoints,
        '/repo',
      );

    expect(build).toThrow(EnvironmentConflictError);
    expect(build).toThrow(/LOG_LEVEL .* svc-http and svc-consumer/);
  });
});
