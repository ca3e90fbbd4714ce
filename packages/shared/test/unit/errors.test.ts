import { describeError, NotFoundError, statusCodeOf } from '../../src/errors';

describe('describeError', () => {
  test('names the error and its cause', () => {
    const error = new Error('publish failed', {
      cause: new TypeError('no endpoint'),
    });

    expect(describeError(error)).toBe(
      'Error: publish failed (cause: TypeError: no endpoint)',
    );
  });

  test.each([
    [undefined, 'undefined was thrown'],
    ['boom', 'non-Error value was thrown: "boom"'],
    [{ code: 1 }, 'non-Error value was thrown: {"code":1}'],
  ])('describes the thrown value %p', (thrown, expected) => {
    expect(describeError(thrown)).toBe(expected);
  });
});

describe('statusCodeOf', () => {
  test('maps platform errors and unknown ones', () => {
    expect(statusCodeOf(new NotFoundError('x not found'))).toBe(404);
    expect(statusCodeOf(new Error('x'))).toBe(500);
  });
});
