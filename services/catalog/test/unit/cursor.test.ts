import { decodeCursor, encodeCursor } from '../../src/cursor';
import { InvalidCursorError } from '../../src/errors';

function encode(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

describe('cursor', () => {
  describe('round trip', () => {
    it('decodes what it encodes', () => {
      const cursor = encodeCursor({ sku: 'SKU-1' });

      expect(decodeCursor(cursor)).toEqual({ sku: 'SKU-1' });
    });

    it('is URL safe', () => {
      const cursor = encodeCursor({ sku: 'A_b.c-9'.repeat(9) });

      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    });
  });

  describe('rejection', () => {
    it.each([
      ['not base64url', 'abc+/='],
      ['not JSON', encode('sku=SKU-1')],
      ['not an object', encode('"SKU-1"')],
      ['another key', encode('{"pk":"SKU-1"}')],
      ['an extra key', encode('{"sku":"SKU-1","x":1}')],
      ['an invalid SKU', encode('{"sku":"no spaces"}')],
      ['empty', ''],
    ])('rejects a cursor that is %s', (_case, cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
    });

    it('names the cursor and the fix', () => {
      expect(() => decodeCursor('abc+')).toThrow(
        'invalid cursor "abc+": pass the nextCursor of the previous page unchanged, or leave cursor out to start at the first page',
      );
    });

    it('maps to status 422', () => {
      const error = captureError(() => decodeCursor('abc+'));

      expect(error).toBeInstanceOf(InvalidCursorError);
      expect((error as InvalidCursorError).statusCode).toBe(422);
    });
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}
