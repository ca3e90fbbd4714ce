import { ACCOUNT_ID, PARTITION, REGION } from '../awsConstants';
import { ImportValueError, TemplateError } from '../errors';
import {
  functionArn,
  functionNameFromReference,
  queueArn,
  ruleArn,
  tableArn,
} from './arn';
import type {
  CloudFormationTemplate,
  TemplateResource,
} from './CloudFormationTemplate';
import { evaluateCondition } from './evaluateCondition';

/** The value of `Ref: AWS::NoValue`: the key or list item is removed. */
export const NO_VALUE = Symbol('AWS::NoValue');

export interface ResolverOptions {
  stackName: string;
  /** Values of template parameters, overriding their defaults. */
  parameters?: Record<string, string>;
  /** Returns the URL of a queue from its name. */
  queueUrl: (queueName: string) => string;
}

/** The property that names each resource type's physical resource. */
const NAME_PROPERTIES: Record<string, string> = {
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::Events::Rule': 'Name',
  'AWS::Events::EventBus': 'Name',
  'AWS::IAM::Role': 'RoleName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::SNS::Topic': 'TopicName',
};

type Intrinsic = (argument: unknown) => unknown;

export interface TemplateResourceEntry {
  logicalId: string;
  properties: Record<string, unknown>;
}

/**
 * Resolves CloudFormation intrinsic functions the way a deployment of the
 * stack in us-east-1 and account 000000000000 would. A resource without a
 * name property gets `<stack>-<logical id>`, which is deterministic where
 * CloudFormation would add a random suffix.
 */
export class IntrinsicResolver {
  private readonly template: CloudFormationTemplate;
  private readonly options: ResolverOptions;
  private readonly intrinsics: Record<string, Intrinsic>;
  private readonly naming = new Set<string>();

  constructor(template: CloudFormationTemplate, options: ResolverOptions) {
    this.template = template;
    this.options = options;
    this.intrinsics = {
      Ref: (argument) => this.ref(this.resolveString(argument, 'Ref')),
      'Fn::GetAtt': (argument) => this.getAttFromArgument(argument),
      'Fn::Join': (argument) => this.join(argument),
      'Fn::Sub': (argument) => this.sub(argument),
      'Fn::Select': (argument) => this.select(argument),
      'Fn::Split': (argument) => this.split(argument),
      'Fn::If': (argument) => this.conditional(argument),
      'Fn::FindInMap': (argument) => this.findInMap(argument),
      'Fn::Base64': (argument) =>
        Buffer.from(this.resolveString(argument, 'Fn::Base64')).toString(
          'base64',
        ),
      'Fn::GetAZs': () => ['a', 'b', 'c'].map((zone) => `${REGION}${zone}`),
      'Fn::ImportValue': (argument) => {
        throw new ImportValueError(
          this.resolveString(argument, 'Fn::ImportValue'),
        );
      },
    };
  }

  get stackName(): string {
    return this.options.stackName;
  }

  /** Resolves every intrinsic function inside a value. */
  resolve(value: unknown): unknown {
    if (Array.isArray(value)) {
      return value
        .map((item) => this.resolve(item))
        .filter((item) => item !== NO_VALUE);
    }
    if (value === null || typeof value !== 'object') return value;

    const entries = Object.entries(value);
    const [first] = entries;
    if (entries.length === 1 && first && this.isIntrinsic(first[0])) {
      return this.callIntrinsic(first[0], first[1]);
    }
    return this.resolveObject(entries);
  }

  /** Resolves a value that must end as a string, number or boolean. */
  resolveString(value: unknown, where: string): string {
    const resolved = this.resolve(value);
    if (
      typeof resolved === 'string' ||
      typeof resolved === 'number' ||
      typeof resolved === 'boolean'
    ) {
      return String(resolved);
    }
    throw new TemplateError(
      `${where} must resolve to a string, got ${JSON.stringify(resolved)}`,
    );
  }

  /** Returns the resource of a logical id, or undefined if absent. */
  resource(logicalId: string): TemplateResource | undefined {
    return this.template.Resources[logicalId];
  }

  /** Returns the resources of one type whose conditions are not false. */
  includedResources(type: string): TemplateResourceEntry[] {
    return Object.entries(this.template.Resources)
      .filter(([logicalId, resource]) => {
        return resource.Type === type && this.isIncluded(logicalId);
      })
      .map(([logicalId, resource]) => ({
        logicalId,
        properties: resource.Properties ?? {},
      }));
  }

  /** Returns false when the resource's Condition evaluates to false. */
  isIncluded(logicalId: string): boolean {
    const condition = this.resource(logicalId)?.Condition;
    return condition === undefined || this.isConditionTrue(condition);
  }

  /** Evaluates a named condition; undecidable conditions count as true. */
  isConditionTrue(name: string): boolean {
    return evaluateCondition(name, this.template, this) ?? true;
  }

  /** Returns what `Ref` returns for a parameter, pseudo parameter or resource. */
  ref(name: string): unknown {
    const pseudo = this.pseudoParameter(name);
    if (pseudo !== undefined) return pseudo;

    const parameter = this.template.Parameters?.[name];
    if (parameter) return this.parameterValue(name, parameter.Type);

    const resource = this.includedResource(name, 'Ref');
    switch (resource.Type) {
      case 'AWS::SQS::Queue':
        return this.options.queueUrl(this.physicalName(name));
      case 'AWS::Lambda::Alias':
        return `${this.functionArnOf(name)}:${this.property(name, 'Name')}`;
      case 'AWS::Lambda::Version':
        return `${this.functionArnOf(name)}:1`;
      default:
        return this.physicalName(name);
    }
  }

  /** Returns what `Fn::GetAtt` returns for a resource attribute. */
  getAtt(logicalId: string, attribute: string): unknown {
    const resource = this.includedResource(logicalId, 'Fn::GetAtt');
    if (resource.Type === 'AWS::Events::Rule' && attribute === 'Arn') {
      return this.ruleArnOf(logicalId);
    }

    const name = this.physicalName(logicalId);
    const value = this.knownAttribute(resource.Type, name, attribute);
    if (value !== undefined) return value;

    if (attribute === 'Arn') {
      const service = resource.Type.split('::')[1]?.toLowerCase();
      return `arn:${PARTITION}:${service}:${REGION}:${ACCOUNT_ID}:${name}`;
    }
    throw new TemplateError(
      `Fn::GetAtt ${logicalId}.${attribute} is not supported for ${resource.Type}`,
      { logicalId },
    );
  }

  /** Returns the physical name of a resource, as CloudFormation names it. */
  physicalName(logicalId: string): string {
    const resource = this.includedResource(logicalId, 'name');
    const property = NAME_PROPERTIES[resource.Type];
    const explicit = property ? resource.Properties?.[property] : undefined;
    if (explicit !== undefined) {
      return this.withCycleCheck(logicalId, () =>
        this.resolveString(explicit, `${logicalId}.${property}`),
      );
    }
    return this.generatedName(logicalId, resource);
  }

  private generatedName(logicalId: string, resource: TemplateResource): string {
    const stackName = this.options.stackName;
    if (resource.Type === 'AWS::Lambda::Function') {
      return `${stackName}-${functionKey(logicalId)}`;
    }
    if (
      resource.Type === 'AWS::SQS::Queue' &&
      String(this.resolve(resource.Properties?.FifoQueue)) === 'true'
    ) {
      return `${stackName}-${logicalId}.fifo`;
    }
    return `${stackName}-${logicalId}`;
  }

  private knownAttribute(
    type: string,
    name: string,
    attribute: string,
  ): unknown {
    const key = `${type}.${attribute}`;
    switch (key) {
      case 'AWS::DynamoDB::Table.Arn':
        return tableArn(name);
      case 'AWS::DynamoDB::Table.StreamArn':
        return `${tableArn(name)}/stream/1970-01-01T00:00:00.000`;
      case 'AWS::SQS::Queue.Arn':
        return queueArn(name);
      case 'AWS::SQS::Queue.QueueName':
        return name;
      case 'AWS::SQS::Queue.QueueUrl':
        return this.options.queueUrl(name);
      case 'AWS::Lambda::Function.Arn':
        return functionArn(name);
      case 'AWS::IAM::Role.Arn':
        return `arn:${PARTITION}:iam::${ACCOUNT_ID}:role/${name}`;
      default:
        return undefined;
    }
  }

  private ruleArnOf(logicalId: string): string {
    const bus = this.property(logicalId, 'EventBusName') ?? 'default';
    return ruleArn(this.physicalName(logicalId), bus);
  }

  private functionArnOf(logicalId: string): string {
    const reference = this.property(logicalId, 'FunctionName');
    if (reference === undefined) {
      throw new TemplateError(`${logicalId} has no FunctionName`, {
        logicalId,
      });
    }
    return functionArn(functionNameFromReference(reference));
  }

  private property(logicalId: string, key: string): string | undefined {
    const value = this.resource(logicalId)?.Properties?.[key];
    return value === undefined
      ? undefined
      : this.resolveString(value, `${logicalId}.${key}`);
  }

  private includedResource(logicalId: string, use: string): TemplateResource {
    const resource = this.resource(logicalId);
    if (!resource) {
      throw new TemplateError(
        `${use} refers to "${logicalId}", but no resource or parameter of that name was found in the template`,
        { logicalId },
      );
    }
    if (!this.isIncluded(logicalId)) {
      throw new TemplateError(
        `${use} refers to ${logicalId}, whose condition ${resource.Condition} is false`,
        { logicalId },
      );
    }
    return resource;
  }

  private pseudoParameter(name: string): unknown {
    switch (name) {
      case 'AWS::Region':
        return REGION;
      case 'AWS::AccountId':
        return ACCOUNT_ID;
      case 'AWS::Partition':
        return PARTITION;
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return this.options.stackName;
      case 'AWS::StackId':
        return `arn:${PARTITION}:cloudformation:${REGION}:${ACCOUNT_ID}:stack/${this.options.stackName}/local`;
      case 'AWS::NotificationARNs':
        return [];
      case 'AWS::NoValue':
        return NO_VALUE;
      default:
        return undefined;
    }
  }

  private parameterValue(name: string, type: string | undefined): unknown {
    const value =
      this.options.parameters?.[name] ??
      this.template.Parameters?.[name]?.Default;
    if (value === undefined) {
      throw new TemplateError(
        `parameter ${name} has no Default and no value was passed`,
      );
    }
    const isList = type === 'CommaDelimitedList' || type?.startsWith('List<');
    return isList && typeof value === 'string' ? value.split(',') : value;
  }

  private isIntrinsic(key: string): boolean {
    return key === 'Ref' || key.startsWith('Fn::');
  }

  private callIntrinsic(name: string, argument: unknown): unknown {
    const intrinsic = this.intrinsics[name];
    if (!intrinsic) {
      throw new TemplateError(`intrinsic function ${name} is not supported`);
    }
    return intrinsic(argument);
  }

  private resolveObject(entries: [string, unknown][]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [key, item] of entries) {
      const resolved = this.resolve(item);
      if (resolved !== NO_VALUE) result[key] = resolved;
    }
    return result;
  }

  private getAttFromArgument(argument: unknown): unknown {
    const [logicalId, ...path] =
      typeof argument === 'string'
        ? argument.split('.')
        : this.list(argument, 'Fn::GetAtt').map((part) =>
            this.resolveString(part, 'Fn::GetAtt'),
          );
    if (!logicalId || path.length === 0) {
      throw new TemplateError(
        `Fn::GetAtt needs a logical id and an attribute, got ${JSON.stringify(argument)}`,
      );
    }
    return this.getAtt(logicalId, path.join('.'));
  }

  private join(argument: unknown): string {
    const [delimiter, values] = this.list(argument, 'Fn::Join');
    const items = this.resolve(values);
    if (!Array.isArray(items)) {
      throw new TemplateError(
        `Fn::Join needs a list, got ${JSON.stringify(items)}`,
      );
    }
    return items.map((item) => String(item)).join(String(delimiter));
  }

  private sub(argument: unknown): string {
    const [template, variables] = Array.isArray(argument)
      ? [argument[0], argument[1]]
      : [argument, undefined];
    if (typeof template !== 'string') {
      throw new TemplateError(
        `Fn::Sub needs a string, got ${JSON.stringify(template)}`,
      );
    }
    const values = (this.resolve(variables ?? {}) ?? {}) as Record<
      string,
      unknown
    >;
    return template.replace(/\$\{([^}]*)\}/g, (_, name: string) =>
      this.subVariable(name, values),
    );
  }

  private subVariable(name: string, values: Record<string, unknown>): string {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    if (name in values) return String(values[name]);

    const dot = name.indexOf('.');
    const value =
      dot === -1
        ? this.ref(name)
        : this.getAttFromArgument([name.slice(0, dot), name.slice(dot + 1)]);
    return String(value);
  }

  private select(argument: unknown): unknown {
    const [index, values] = this.list(argument, 'Fn::Select');
    const position = Number(this.resolve(index));
    const items = this.resolve(values);
    if (!Array.isArray(items) || !(position in items)) {
      throw new TemplateError(
        `Fn::Select index ${position} is out of range of ${JSON.stringify(items)}`,
      );
    }
    return items[position];
  }

  private split(argument: unknown): string[] {
    const [delimiter, source] = this.list(argument, 'Fn::Split');
    return this.resolveString(source, 'Fn::Split').split(String(delimiter));
  }

  private conditional(argument: unknown): unknown {
    const [condition, whenTrue, whenFalse] = this.list(argument, 'Fn::If');
    const chosen = this.isConditionTrue(String(condition))
      ? whenTrue
      : whenFalse;
    return this.resolve(chosen);
  }

  private findInMap(argument: unknown): unknown {
    const [map, first, second] = this.list(argument, 'Fn::FindInMap').map(
      (part) => this.resolveString(part, 'Fn::FindInMap'),
    );
    const value =
      this.template.Mappings?.[map ?? '']?.[first ?? '']?.[second ?? ''];
    if (value === undefined) {
      throw new TemplateError(
        `Fn::FindInMap found no value at ${map}.${first}.${second}`,
      );
    }
    return value;
  }

  private list(argument: unknown, where: string): unknown[] {
    if (!Array.isArray(argument)) {
      throw new TemplateError(
        `${where} needs a list, got ${JSON.stringify(argument)}`,
      );
    }
    return argument;
  }

  private withCycleCheck<T>(logicalId: string, work: () => T): T {
    if (this.naming.has(logicalId)) {
      throw new TemplateError(
        `the name of ${logicalId} refers to itself through other resources`,
        { logicalId },
      );
    }
    this.naming.add(logicalId);
    try {
      return work();
    } finally {
      this.naming.delete(logicalId);
    }
  }
}

/**
 * Returns the serverless function key of a logical id such as
 * `HttpLambdaFunction`, undoing serverless's normalisation (first letter
 * upper case, `-` as `Dash`, `_` as `Underscore`).
 */
export function functionKey(logicalId: string): string {
  const key = logicalId
    .replace(/LambdaFunction$/, '')
    .replaceAll('Dash', '-')
    .replaceAll('Underscore', '_');
  return key.charAt(0).toLowerCase() + key.slice(1);
}
