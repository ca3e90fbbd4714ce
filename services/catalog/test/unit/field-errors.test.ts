import { z } from 'zod';
import { describeFieldErrors, toFieldErrors } from '../../src/field-errors';

const schema = z
  .object({
    price: z.object({ amount: z.number().int() }),
    tags: z.array(z.string().min(1)),
  })
  .strict();

function errorsOf(value: unknown, rootName?: string) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the parse to fail');
  return toFieldErrors(result.error, rootName);
}

describe('toFieldErrors', () => {
  describe('paths', () => {
    it('joins nested keys with dots', () => {
      const errors = errorsOf({ price: { amount: 1.5 }, tags: [] });

      expect(errors.map((error) => error.field)).toEqual(['price.amount']);
    });

    it('writes list indexes in brackets', () => {
      const errors = errorsOf({ price: { amount: 1 }, tags: ['a', ''] });

      expect(errors.map((error) => error.field)).toEqual(['tags[1]']);
    });

    it('names the root when the value is wrong', () => {
      expect(errorsOf('text')[0]?.field).toBe('(body)');
      expect(errorsOf('text', '(product)')[0]?.field).toBe('(product)');
    });
  });

  describe('unknown keys', () => {
    it('reports each key as its own field', () => {
      const errors = errorsOf({
        price: { amount: 1 },
        tags: [],
        colour: 'red',
        size: 'L',
      });

      expect(errors).toEqual([
        { field: 'colour', problem: 'unknown field: remove it' },
        { field: 'size', problem: 'unknown field: remove it' },
      ]);
    });
  });
});

describe('describeFieldErrors', () => {
  it('joins field and problem pairs', () => {
    const text = describeFieldErrors([
      { field: 'a', problem: 'missing' },
      { field: 'b[0]', problem: 'too long' },
    ]);

    expect(text).toBe('a: missing; b[0]: too long');
  });
});
