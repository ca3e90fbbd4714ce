// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub strings are CloudFormation templates, whose ${...} must stay literal.
import { ImportValueError, TemplateError } from '../../src/errors';
import type { CloudFormationTemplate } from '../../src/template/CloudFormationTemplate';
import {
  functionKey,
  IntrinsicResolver,
} from '../../src/template/IntrinsicResolver';

const template: CloudFormationTemplate = {
  Parameters: {
    Stage: { Type: 'String', Default: 'local' },
    Zones: { Type: 'CommaDelimitedList', Default: 'a,b' },
    NoDefault: { Type: 'String' },
  },
  Mappings: { Sizes: { local: { memory: 256 } } },
  Conditions: {
    IsLocal: { 'Fn::Equals': [{ Ref: 'Stage' }, 'local'] },
    IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] },
    NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    LocalAndProd: {
      'Fn::And': [{ Condition: 'IsLocal' }, { Condition: 'IsProd' }],
    },
    Undecidable: { 'Fn::Contains': [['a'], 'a'] },
    NotUndecidable: { 'Fn::Not': [{ Condition: 'Undecidable' }] },
  },
  Resources: {
    Table: {
      Type: 'AWS::DynamoDB::Table',
      Properties: { TableName: { 'Fn::Sub': '${AWS::StackName}-table' } },
    },
    Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'jobs' } },
    UnnamedQueue: { Type: 'AWS::SQS::Queue', Properties: {} },
    FifoQueue: { Type: 'AWS::SQS::Queue', Properties: { FifoQueue: true } },
    Fn: {
      Type: 'AWS::Lambda::Function',
      Properties: { FunctionName: 'svc-local-worker' },
    },
    ConsumerLambdaFunction: { Type: 'AWS::Lambda::Function', Properties: {} },
    Alias: {
      Type: 'AWS::Lambda::Alias',
      Properties: { FunctionName: { Ref: 'Fn' }, Name: 'live' },
    },
    Rule: {
      Type: 'AWS::Events::Rule',
      Properties: { Name: 'rule-1', EventBusName: 'orders' },
    },
    Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'svc-role' } },
    Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
    ProdOnly: {
      Type: 'AWS::SQS::Queue',
      Condition: 'IsProd',
      Properties: { QueueName: 'prod-only' },
    },
    LoopA: {
      Type: 'AWS::SQS::Queue',
      Properties: { QueueName: { 'Fn::GetAtt': ['LoopB', 'QueueName'] } },
    },
    LoopB: {
      Type: 'AWS::SQS::Queue',
      Properties: { QueueName: { 'Fn::GetAtt': ['LoopA', 'QueueName'] } },
    },
  },
};

function createResolver(parameters?: Record<string, string>) {
  return new IntrinsicResolver(template, {
    stackName: 'svc-local',
    parameters,
    queueUrl: (name) => `http://sqs.local/000000000000/${name}`,
  });
}

describe('IntrinsicResolver', () => {
  const resolver = createResolver();

  describe('Ref', () => {
    it.each([
      ['AWS::Region', 'us-east-1'],
      ['AWS::AccountId', '000000000000'],
      ['AWS::Partition', 'aws'],
      ['AWS::StackName', 'svc-local'],
      ['AWS::URLSuffix', 'amazonaws.com'],
    ])('resolves pseudo parameter %s', (name, expected) => {
      expect(resolver.resolve({ Ref: name })).toBe(expected);
    });

    it('resolves a parameter to its default', () => {
      expect(resolver.resolve({ Ref: 'Stage' })).toBe('local');
    });

    it('prefers a passed parameter value', () => {
      expect(createResolver({ Stage: 'prod' }).resolve({ Ref: 'Stage' })).toBe(
        'prod',
      );
    });

    it('splits a list parameter', () => {
      expect(resolver.resolve({ Ref: 'Zones' })).toEqual(['a', 'b']);
    });

    it('rejects a parameter without a value', () => {
      expect(() => resolver.resolve({ Ref: 'NoDefault' })).toThrow(
        'parameter NoDefault has no Default',
      );
    });

    it('resolves a table to its name', () => {
      expect(resolver.resolve({ Ref: 'Table' })).toBe('svc-local-table');
    });

    it('resolves a queue to its URL', () => {
      expect(resolver.resolve({ Ref: 'Queue' })).toBe(
        'http://sqs.local/000000000000/jobs',
      );
    });

    it('resolves a function to its name', () => {
      expect(resolver.resolve({ Ref: 'Fn' })).toBe('svc-local-worker');
    });

    it('names unnamed functions by key', () => {
      expect(resolver.resolve({ Ref: 'ConsumerLambdaFunction' })).toBe(
        'svc-local-consumer',
      );
    });

    it('names unnamed queues by logical id', () => {
      expect(resolver.physicalName('UnnamedQueue')).toBe(
        'svc-local-UnnamedQueue',
      );
    });

    it('adds .fifo to an unnamed FIFO queue', () => {
      expect(resolver.physicalName('FifoQueue')).toBe(
        'svc-local-FifoQueue.fifo',
      );
    });

    it('resolves an alias to its ARN', () => {
      expect(resolver.resolve({ Ref: 'Alias' })).toBe(
        'arn:aws:lambda:us-east-1:000000000000:function:svc-local-worker:live',
      );
    });

    it('resolves AWS::NoValue by removing the key', () => {
      expect(resolver.resolve({ a: 1, b: { Ref: 'AWS::NoValue' } })).toEqual({
        a: 1,
      });
    });

    it('rejects an unknown name', () => {
      expect(() => resolver.resolve({ Ref: 'Missing' })).toThrow(TemplateError);
    });

    it('rejects a resource whose condition is false', () => {
      expect(() => resolver.resolve({ Ref: 'ProdOnly' })).toThrow(
        'whose condition IsProd is false',
      );
    });

    it('rejects a name that refers to itself', () => {
      expect(() => resolver.physicalName('LoopA')).toThrow('refers to itself');
    });
  });

  describe('Fn::GetAtt', () => {
    it.each([
      [
        ['Table', 'Arn'],
        'arn:aws:dynamodb:us-east-1:000000000000:table/svc-local-table',
      ],
      [['Queue', 'Arn'], 'arn:aws:sqs:us-east-1:000000000000:jobs'],
      [['Queue', 'QueueName'], 'jobs'],
      [['Queue', 'QueueUrl'], 'http://sqs.local/000000000000/jobs'],
      [
        ['Fn', 'Arn'],
        'arn:aws:lambda:us-east-1:000000000000:function:svc-local-worker',
      ],
      [
        ['Rule', 'Arn'],
        'arn:aws:events:us-east-1:000000000000:rule/orders/rule-1',
      ],
      [['Role', 'Arn'], 'arn:aws:iam::000000000000:role/svc-role'],
      [['Bucket', 'Arn'], 'arn:aws:s3:us-east-1:000000000000:svc-local-Bucket'],
    ])('resolves %j', (argument, expected) => {
      expect(resolver.resolve({ 'Fn::GetAtt': argument })).toBe(expected);
    });

    it('accepts the dotted string form', () => {
      expect(resolver.resolve({ 'Fn::GetAtt': 'Queue.QueueName' })).toBe(
        'jobs',
      );
    });

    it('rejects an unsupported attribute', () => {
      expect(() =>
        resolver.resolve({ 'Fn::GetAtt': ['Queue', 'Nonsense'] }),
      ).toThrow(
        'Fn::GetAtt Queue.Nonsense is not supported for AWS::SQS::Queue',
      );
    });
  });

  describe('string functions', () => {
    it('joins resolved values', () => {
      const value = {
        'Fn::Join': ['-', ['a', { Ref: 'Stage' }, { Ref: 'AWS::Region' }]],
      };

      expect(resolver.resolve(value)).toBe('a-local-us-east-1');
    });

    it('substitutes every kind of variable', () => {
      const value = {
        'Fn::Sub': [
          '${AWS::AccountId}/${Stage}/${Table}/${Queue.Arn}/${Extra}/${!Literal}',
          { Extra: { Ref: 'Fn' } },
        ],
      };

      expect(resolver.resolve(value)).toBe(
        '000000000000/local/svc-local-table/arn:aws:sqs:us-east-1:000000000000:jobs/svc-local-worker/${Literal}',
      );
    });

    it('selects from a split string', () => {
      const value = { 'Fn::Select': ['1', { 'Fn::Split': [':', 'a:b:c'] }] };

      expect(resolver.resolve(value)).toBe('b');
    });

    it('rejects a select index out of range', () => {
      expect(() => resolver.resolve({ 'Fn::Select': [5, ['a']] })).toThrow(
        'out of range',
      );
    });

    it('finds a value in a mapping', () => {
      const value = { 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'memory'] };

      expect(resolver.resolve(value)).toBe(256);
    });

    it('chooses a branch with Fn::If', () => {
      expect(resolver.resolve({ 'Fn::If': ['IsProd', 'big', 'small'] })).toBe(
        'small',
      );
    });

    it('rejects Fn::ImportValue naming the export', () => {
      const value = {
        'Fn::ImportValue': { 'Fn::Sub': '${Stage}-OrdersTable' },
      };

      expect(() => resolver.resolve(value)).toThrow(ImportValueError);
      expect(() => resolver.resolve(value)).toThrow('"local-OrdersTable"');
    });

    it('rejects an unknown intrinsic function', () => {
      expect(() => resolver.resolve({ 'Fn::Length': [1] })).toThrow(
        'intrinsic function Fn::Length is not supported',
      );
    });
  });

  describe('conditions', () => {
    it.each([
      ['IsLocal', true],
      ['IsProd', false],
      ['NotProd', true],
      ['LocalAndProd', false],
      ['Undecidable', true],
      ['NotUndecidable', true],
    ])('evaluates %s as %s', (name, expected) => {
      expect(resolver.isConditionTrue(name)).toBe(expected);
    });

    it('follows passed parameter values', () => {
      expect(createResolver({ Stage: 'prod' }).isConditionTrue('IsProd')).toBe(
        true,
      );
    });

    it('leaves out resources whose condition is false', () => {
      const names = resolver
        .includedResources('AWS::SQS::Queue')
        .map((entry) => entry.logicalId);

      expect(names).not.toContain('ProdOnly');
      expect(names).toContain('Queue');
    });
  });
});

describe('functionKey', () => {
  it.each([
    ['HttpLambdaFunction', 'http'],
    ['ImportDashproductsLambdaFunction', 'import-products'],
    ['SendUnderscoremailLambdaFunction', 'send_mail'],
  ])('turns %s into %s', (logicalId, expected) => {
    expect(functionKey(logicalId)).toBe(expected);
  });
});
