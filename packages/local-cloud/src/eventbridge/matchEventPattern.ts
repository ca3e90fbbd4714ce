import { TemplateError } from '../errors';

type Pattern = Record<string, unknown>;
type Matcher = (values: unknown[], present: boolean) => boolean;

/**
 * Operators of EventBridge content filtering that the local cloud
 * supports. Each receives the field's values (an array field gives all its
 * elements) and whether the field is present.
 */
const OPERATORS: Record<string, (operand: unknown) => Matcher> = {
  prefix: (operand) =>
    stringMatcher(operand, (value, text) => value.startsWith(text)),
  suffix: (operand) =>
    stringMatcher(operand, (value, text) => value.endsWith(text)),
  'equals-ignore-case': (operand) => (values, present) =>
    present &&
    values.some(
      (value) =>
        typeof value === 'string' &&
        value.toLowerCase() === String(operand).toLowerCase(),
    ),
  'anything-but': (operand) => anythingBut(operand),
  exists: (operand) => (values, present) =>
    operand === true
      ? present && values.some((value) => !isObject(value))
      : !present,
  numeric: (operand) => numeric(operand),
  wildcard: (operand) => wildcard(String(operand)),
};

/**
 * Returns true when an event matches an EventBridge event pattern: every
 * key of the pattern matches, a list matches when any of its values or
 * operators matches, and an array field matches when any element does.
 */
export function matchEventPattern(pattern: Pattern, event: Pattern): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    if (key === '$or') {
      return (expected as Pattern[]).some((branch) =>
        matchEventPattern(branch, event),
      );
    }
    return matchField(expected, event[key], key in event);
  });
}

/**
 * Checks that a pattern has only lists of values or supported operators
 * at its leaves, and throws a TemplateError naming the rule otherwise.
 */
export function validateEventPattern(pattern: Pattern, ruleName: string): void {
  for (const [key, expected] of Object.entries(pattern)) {
    if (key === '$or' && Array.isArray(expected)) {
      for (const branch of expected) validateEventPattern(branch, ruleName);
    } else if (isObject(expected)) {
      validateEventPattern(expected, ruleName);
    } else if (Array.isArray(expected)) {
      for (const matcher of expected) validateMatcher(matcher, key, ruleName);
    } else {
      throw new TemplateError(
        `rule ${ruleName}: event pattern field "${key}" must be a list or an object, got ${JSON.stringify(expected)}`,
      );
    }
  }
}

function validateMatcher(
  matcher: unknown,
  key: string,
  ruleName: string,
): void {
  if (!isObject(matcher)) return;

  const operators = Object.keys(matcher);
  const [operator] = operators;
  if (operators.length !== 1 || !operator || !(operator in OPERATORS)) {
    throw new TemplateError(
      `rule ${ruleName}: event pattern field "${key}" uses ${JSON.stringify(matcher)}; supported operators are ${Object.keys(OPERATORS).join(', ')}`,
    );
  }
}

function matchField(
  expected: unknown,
  actual: unknown,
  present: boolean,
): boolean {
  if (isObject(expected)) {
    if (Array.isArray(actual)) {
      return actual.some(
        (item) => isObject(item) && matchEventPattern(expected, item),
      );
    }
    return isObject(actual) && matchEventPattern(expected, actual);
  }

  const values = Array.isArray(actual) ? actual : [actual];
  return (expected as unknown[]).some((matcher) =>
    toMatcher(matcher)(values, present),
  );
}

function toMatcher(matcher: unknown): Matcher {
  if (!isObject(matcher)) {
    return (values, present) =>
      present && values.some((value) => value === matcher);
  }
  const [operator, operand] = Object.entries(matcher)[0] ?? [];
  const build = OPERATORS[operator ?? ''];
  return build ? build(operand) : () => false;
}

function stringMatcher(
  operand: unknown,
  test: (value: string, text: string) => boolean,
): Matcher {
  const ignoreCase = isObject(operand) && 'equals-ignore-case' in operand;
  const text = String(ignoreCase ? operand['equals-ignore-case'] : operand);
  return (values, present) =>
    present &&
    values.some((value) => {
      if (typeof value !== 'string') return false;
      return ignoreCase
        ? test(value.toLowerCase(), text.toLowerCase())
        : test(value, text);
    });
}

function anythingBut(operand: unknown): Matcher {
  if (isObject(operand)) {
    const inner = toMatcher(operand);
    return (values, present) =>
      present &&
      values.some(
        (value) => typeof value === 'string' && !inner([value], true),
      );
  }
  const excluded = Array.isArray(operand) ? operand : [operand];
  return (values, present) =>
    present && values.some((value) => !excluded.includes(value));
}

/** Matches `{"numeric": [">", 0, "<=", 5]}`: every comparison must hold. */
function numeric(operand: unknown): Matcher {
  const terms = Array.isArray(operand) ? operand : [];
  const comparisons: ((value: number) => boolean)[] = [];
  for (let index = 0; index + 1 < terms.length; index += 2) {
    comparisons.push(compare(String(terms[index]), Number(terms[index + 1])));
  }
  return (values, present) =>
    present &&
    values.some(
      (value) =>
        typeof value === 'number' && comparisons.every((check) => check(value)),
    );
}

function compare(operator: string, bound: number): (value: number) => boolean {
  switch (operator) {
    case '<':
      return (value) => value < bound;
    case '<=':
      return (value) => value <= bound;
    case '>':
      return (value) => value > bound;
    case '>=':
      return (value) => value >= bound;
    case '=':
      return (value) => value === bound;
    default:
      return () => false;
  }
}

function wildcard(text: string): Matcher {
  const source = text
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const expression = new RegExp(`^${source}$`);
  return (values, present) =>
    present &&
    values.some((value) => typeof value === 'string' && expression.test(value));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
