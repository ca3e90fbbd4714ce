import { TemplateError } from '../errors';
import type { CloudFormationTemplate } from './CloudFormationTemplate';

interface ValueResolver {
  resolve(value: unknown): unknown;
}

interface Evaluation {
  template: CloudFormationTemplate;
  resolver: ValueResolver;
  visiting: Set<string>;
}

/**
 * Evaluates a named condition of a template, with Fn::Equals, Fn::Not,
 * Fn::And, Fn::Or and Condition. Any other function, or an Fn::Equals
 * whose operands do not resolve, is undecidable. Then the result is
 * undefined, which the caller treats as true.
 */
export function evaluateCondition(
  name: string,
  template: CloudFormationTemplate,
  resolver: ValueResolver,
): boolean | undefined {
  return evaluateNamed(name, { template, resolver, visiting: new Set() });
}

function evaluateNamed(
  name: string,
  evaluation: Evaluation,
): boolean | undefined {
  const expression = evaluation.template.Conditions?.[name];
  if (expression === undefined) {
    throw new TemplateError(`condition ${name} is not defined in Conditions`);
  }
  if (evaluation.visiting.has(name)) {
    throw new TemplateError(`condition ${name} refers to itself`);
  }

  evaluation.visiting.add(name);
  const result = evaluateExpression(expression, evaluation);
  evaluation.visiting.delete(name);
  return result;
}

function evaluateExpression(
  expression: unknown,
  evaluation: Evaluation,
): boolean | undefined {
  const [operator, operand] = singleEntry(expression);
  const operands = Array.isArray(operand) ? operand : [];
  const inner = (value: unknown) => evaluateExpression(value, evaluation);

  switch (operator) {
    case 'Condition':
      return evaluateNamed(String(operand), evaluation);
    case 'Fn::Equals':
      return evaluateEquals(operands, evaluation.resolver);
    case 'Fn::Not':
      return negate(inner(operands[0]));
    case 'Fn::And':
      return allOf(operands.map(inner));
    case 'Fn::Or':
      return anyOf(operands.map(inner));
    default:
      return undefined;
  }
}

function evaluateEquals(
  operands: unknown[],
  resolver: ValueResolver,
): boolean | undefined {
  try {
    const [left, right] = operands.map((operand) =>
      comparable(resolver.resolve(operand)),
    );
    return left === right;
  } catch {
    return undefined;
  }
}

/** CloudFormation compares condition operands as strings. */
function comparable(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function negate(value: boolean | undefined): boolean | undefined {
  return value === undefined ? undefined : !value;
}

function allOf(values: (boolean | undefined)[]): boolean | undefined {
  if (values.includes(false)) return false;
  return values.includes(undefined) ? undefined : true;
}

function anyOf(values: (boolean | undefined)[]): boolean | undefined {
  if (values.includes(true)) return true;
  return values.includes(undefined) ? undefined : false;
}

function singleEntry(value: unknown): [string | undefined, unknown] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [undefined, undefined];
  }
  const entries = Object.entries(value);
  const [first] = entries;
  return entries.length === 1 && first ? first : [undefined, undefined];
}
