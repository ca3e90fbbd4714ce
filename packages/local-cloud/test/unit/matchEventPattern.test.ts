import { TemplateError } from '../../src/errors';
import {
  matchEventPattern,
  validateEventPattern,
} from '../../src/eventbridge/matchEventPattern';

const event = {
  version: '0',
  id: 'e-1',
  'detail-type': 'OrderPlaced',
  source: 'retail.orders',
  account: '000000000000',
  time: '2020-01-01T00:00:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:x:1', 'arn:aws:x:2'],
  detail: {
    type: 'OrderPlaced',
    version: 1,
    payload: {
      total: { amount: 1250, currency: 'GBP' },
      tags: ['gift', 'rush'],
      note: null,
    },
  },
};

describe('matchEventPattern', () => {
  it.each([
    ['exact values in a list', { source: ['retail.orders', 'retail.catalog'] }],
    [
      'several keys',
      { source: ['retail.orders'], 'detail-type': ['OrderPlaced'] },
    ],
    [
      'nested detail fields',
      { detail: { payload: { total: { currency: ['GBP'] } } } },
    ],
    ['a number', { detail: { version: [1] } }],
    ['an element of an array field', { resources: ['arn:aws:x:2'] }],
    [
      'an element of a nested array',
      { detail: { payload: { tags: ['rush'] } } },
    ],
    ['null', { detail: { payload: { note: [null] } } }],
    ['prefix', { source: [{ prefix: 'retail.' }] }],
    [
      'prefix ignoring case',
      { source: [{ prefix: { 'equals-ignore-case': 'RETAIL.' } }] },
    ],
    ['suffix', { 'detail-type': [{ suffix: 'Placed' }] }],
    [
      'equals-ignore-case',
      { 'detail-type': [{ 'equals-ignore-case': 'orderplaced' }] },
    ],
    [
      'anything-but a value',
      { 'detail-type': [{ 'anything-but': 'OrderCancelled' }] },
    ],
    ['anything-but a list', { source: [{ 'anything-but': ['a', 'b'] }] }],
    [
      'anything-but a prefix',
      { source: [{ 'anything-but': { prefix: 'aws.' } }] },
    ],
    ['exists true', { detail: { type: [{ exists: true }] } }],
    [
      'exists false on a missing field',
      { detail: { missing: [{ exists: false }] } },
    ],
    [
      'numeric ranges',
      {
        detail: {
          payload: {
            total: { amount: [{ numeric: ['>', 1000, '<=', 1250] }] },
          },
        },
      },
    ],
    ['wildcard', { source: [{ wildcard: 'retail.*' }] }],
    ['$or', { $or: [{ source: ['nope'] }, { detail: { version: [1] } }] }],
    ['any of several matchers', { source: ['nope', { prefix: 'retail' }] }],
  ])('matches %s', (_, pattern) => {
    expect(matchEventPattern(pattern, event)).toBe(true);
  });

  it.each([
    ['another value', { source: ['retail.catalog'] }],
    [
      'one key of several',
      { source: ['retail.orders'], 'detail-type': ['OrderCancelled'] },
    ],
    ['a missing key', { detail: { missing: ['x'] } }],
    ['a value of another type', { detail: { version: ['1'] } }],
    ['a prefix', { source: [{ prefix: 'aws.' }] }],
    [
      'anything-but the value',
      { 'detail-type': [{ 'anything-but': ['OrderPlaced'] }] },
    ],
    [
      'anything-but on a missing field',
      { detail: { missing: [{ 'anything-but': 'x' }] } },
    ],
    [
      'exists false on a present field',
      { detail: { type: [{ exists: false }] } },
    ],
    [
      'exists true on a missing field',
      { detail: { missing: [{ exists: true }] } },
    ],
    ['exists true on an object', { detail: { payload: [{ exists: true }] } }],
    ['a numeric range', { detail: { version: [{ numeric: ['>', 1] }] } }],
    ['nested fields of a string', { source: { name: ['x'] } }],
    ['case of an exact value', { source: ['RETAIL.ORDERS'] }],
  ])('does not match %s', (_, pattern) => {
    expect(matchEventPattern(pattern, event)).toBe(false);
  });
});

describe('validateEventPattern', () => {
  it('accepts supported operators', () => {
    expect(() =>
      validateEventPattern(
        { source: [{ prefix: 'a' }], detail: { x: [1] } },
        'rule',
      ),
    ).not.toThrow();
  });

  it.each([
    ['a scalar leaf', { source: 'retail.orders' }],
    ['an unknown operator', { source: [{ cidr: '10.0.0.0/8' }] }],
    ['two operators in one object', { source: [{ prefix: 'a', suffix: 'b' }] }],
  ])('rejects %s naming the rule', (_, pattern) => {
    expect(() => validateEventPattern(pattern, 'orders-rule')).toThrow(
      TemplateError,
    );
    expect(() => validateEventPattern(pattern, 'orders-rule')).toThrow(
      'orders-rule',
    );
  });
});
