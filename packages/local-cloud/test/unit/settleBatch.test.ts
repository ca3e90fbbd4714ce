import { settleBatch } from '../../src/sqs/settleBatch';

const ids = ['m1', 'm2', 'm3'];

describe('settleBatch', () => {
  describe('without ReportBatchItemFailures', () => {
    it.each([
      ['undefined', undefined],
      ['a failure list', { batchItemFailures: [{ itemIdentifier: 'm1' }] }],
      ['an unknown id', { batchItemFailures: [{ itemIdentifier: 'nope' }] }],
      ['a string', 'done'],
    ])('deletes every message after %s', (_, response) => {
      const settlement = settleBatch(response, ids, false);

      expect(settlement.deleteIds).toEqual(ids);
      expect(settlement.failureReason).toBeUndefined();
    });
  });

  describe('with ReportBatchItemFailures', () => {
    it.each([
      ['undefined', undefined],
      ['null', null],
      ['an empty object', {}],
      ['an empty list', { batchItemFailures: [] }],
      ['a null list', { batchItemFailures: null }],
      ['a misspelled key', { batchitemfailures: [{ itemIdentifier: 'm1' }] }],
    ])('deletes every message after %s', (_, response) => {
      const settlement = settleBatch(response, ids, true);

      expect(settlement.deleteIds).toEqual(ids);
      expect(settlement.failureReason).toBeUndefined();
    });

    it('deletes only the messages not reported', () => {
      const response = {
        batchItemFailures: [{ itemIdentifier: 'm1' }, { itemIdentifier: 'm3' }],
      };

      const settlement = settleBatch(response, ids, true);

      expect(settlement.deleteIds).toEqual(['m2']);
      expect(settlement.failureReason).toBeUndefined();
    });

    it('deletes nothing when every message is reported', () => {
      const response = {
        batchItemFailures: ids.map((id) => ({ itemIdentifier: id })),
      };

      expect(settleBatch(response, ids, true).deleteIds).toEqual([]);
    });

    it.each([
      [
        'an unknown id',
        { batchItemFailures: [{ itemIdentifier: 'nope' }] },
        'is not a messageId of the batch',
      ],
      [
        'an empty id',
        { batchItemFailures: [{ itemIdentifier: '' }] },
        'empty or missing',
      ],
      [
        'a null id',
        { batchItemFailures: [{ itemIdentifier: null }] },
        'empty or missing',
      ],
      [
        'a misspelled item key',
        { batchItemFailures: [{ ItemIdentifier: 'm1' }] },
        'empty or missing',
      ],
      [
        'a number id',
        { batchItemFailures: [{ itemIdentifier: 7 }] },
        'is not a messageId',
      ],
      [
        'a string item',
        { batchItemFailures: ['m1'] },
        'not an object with itemIdentifier',
      ],
      ['a list that is not a list', { batchItemFailures: 'm1' }, 'not a list'],
      ['a string response', 'ok', 'not an object with batchItemFailures'],
      ['a list response', [{ itemIdentifier: 'm1' }], 'a list, not an object'],
      ['a number response', 42, 'not an object with batchItemFailures'],
    ])('fails the whole batch on %s', (_, response, reason) => {
      const settlement = settleBatch(response, ids, true);

      expect(settlement.deleteIds).toEqual([]);
      expect(settlement.failureReason).toContain(reason);
    });

    it('fails on one unknown id', () => {
      const response = {
        batchItemFailures: [{ itemIdentifier: 'm1' }, { itemIdentifier: 'zz' }],
      };

      expect(settleBatch(response, ids, true).deleteIds).toEqual([]);
    });
  });
});
