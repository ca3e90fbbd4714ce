import {
  eventBusNameFromReference,
  functionNameFromReference,
  queueNameFromArn,
} from '../../src/template/arn';

describe('functionNameFromReference', () => {
  it.each([
    ['orders-local-http', 'orders-local-http'],
    ['orders-local-http:live', 'orders-local-http'],
    [
      'arn:aws:lambda:us-east-1:000000000000:function:orders-local-http',
      'orders-local-http',
    ],
    [
      'arn:aws:lambda:us-east-1:000000000000:function:orders-local-http:live',
      'orders-local-http',
    ],
    [
      'arn:aws:lambda:us-east-1:000000000000:function:orders-local-http:7',
      'orders-local-http',
    ],
    ['000000000000:function:orders-local-http', 'orders-local-http'],
    [
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:orders-local-http/invocations',
      'orders-local-http',
    ],
  ])('reads %s', (reference, expected) => {
    expect(functionNameFromReference(reference)).toBe(expected);
  });
});

describe('queueNameFromArn', () => {
  it('reads a queue ARN', () => {
    expect(
      queueNameFromArn('arn:aws:sqs:us-east-1:000000000000:jobs.fifo'),
    ).toBe('jobs.fifo');
  });

  it('returns undefined for other ARNs', () => {
    expect(
      queueNameFromArn('arn:aws:lambda:us-east-1:000000000000:function:f'),
    ).toBeUndefined();
  });
});

describe('eventBusNameFromReference', () => {
  it.each([
    ['default', 'default'],
    ['arn:aws:events:us-east-1:000000000000:event-bus/orders', 'orders'],
  ])('reads %s', (reference, expected) => {
    expect(eventBusNameFromReference(reference)).toBe(expected);
  });
});
