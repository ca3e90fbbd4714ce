import {
  type CloudFormationTemplate,
  expectChecksCoverTemplate,
} from '../src/template';

const template: CloudFormationTemplate = {
  Resources: {
    GetRoute: {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: { RouteKey: 'GET /items/{id}' },
    },
    Rule: {
      Type: 'AWS::Events::Rule',
      Properties: { EventPattern: { 'detail-type': ['StockDepleted'] } },
    },
  },
};

describe('expectChecksCoverTemplate', () => {
  test('passes when checks match', () => {
    expect(() =>
      expectChecksCoverTemplate(
        [
          { target: 'http', routeKey: 'GET /items/{id}' },
          { target: 'consumer', type: 'StockDepleted' },
        ],
        template,
      ),
    ).not.toThrow();
  });

  test('names each missing and stale check', () => {
    expect(() =>
      expectChecksCoverTemplate(
        [
          { target: 'http', routeKey: 'DELETE /items/{id}' },
          { target: 'consumer', type: 'StockReplenished' },
        ],
        template,
      ),
    ).toThrow(
      [
        'src/release-checks.ts does not match the template:',
        'route GET /items/{id} has no release check: add an httpCheck',
        'release check for DELETE /items/{id} names no route: remove it',
        'event type StockDepleted has no release check: add it to consumerChecks',
        'release check for StockReplenished matches no rule: remove it',
      ].join('\n'),
    );
  });
});
