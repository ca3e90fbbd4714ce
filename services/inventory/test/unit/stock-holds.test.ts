import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@retail/shared';
import { dynamoClientFor } from '@retail/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { StockHolds } from '../../src/data/stock-holds';
import { createStockTable } from '../../src/data/table';
import { OutOfStockError, StockContentionError } from '../../src/errors';

// The level changing between a failed hold and its re-read is a race that
// dynalite cannot be made to produce on cue, so these tests stub the SDK.

const documentMock = mockClient(DynamoDBDocumentClient);
const conditionFailed = new ConditionalCheckFailedException({
  message: 'The conditional request failed',
  $metadata: {},
});
const line = { sku: 'A', quantity: 3 };

function stockHolds(): StockHolds {
  const documentClient = createDocumentClient(
    dynamoClientFor('http://127.0.0.1:9'),
  );
  return new StockHolds(createStockTable(documentClient, 'stock'), () => 0);
}

afterEach(() => {
  documentMock.reset();
});

describe('StockHolds.hold', () => {
  describe('when the level rises after a failed hold', () => {
    it('tries the hold again', async () => {
      documentMock
        .on(UpdateCommand)
        .rejectsOnce(conditionFailed)
        .resolves({ Attributes: { available: 2 } });
      documentMock.on(GetCommand).resolves({
        Item: { sku: 'A', available: 5, holds: {} },
      });

      const result = await stockHolds().hold('O-1', line);

      expect(result).toEqual({ available: 2, alreadyHeld: false });
      expect(documentMock.commandCalls(UpdateCommand)).toHaveLength(2);
    });

    it('gives up after three attempts', async () => {
      documentMock.on(UpdateCommand).rejects(conditionFailed);
      documentMock.on(GetCommand).resolves({
        Item: { sku: 'A', available: 5, holds: {} },
      });

      const hold = stockHolds().hold('O-1', line);

      await expect(hold).rejects.toThrow(StockContentionError);
      expect(documentMock.commandCalls(UpdateCommand)).toHaveLength(3);
    });
  });

  describe('when the level stays short', () => {
    it('reports the level it read', async () => {
      documentMock.on(UpdateCommand).rejects(conditionFailed);
      documentMock.on(GetCommand).resolves({
        Item: { sku: 'A', available: 1, holds: {} },
      });

      const hold = stockHolds().hold('O-1', line);

      await expect(hold).rejects.toThrow(OutOfStockError);
      await expect(hold).rejects.toMatchObject({ requested: 3, available: 1 });
    });
  });

  describe('when the update fails otherwise', () => {
    it('passes the error on', async () => {
      const throttled = new Error('Rate exceeded');
      documentMock.on(UpdateCommand).rejects(throttled);

      const hold = stockHolds().hold('O-1', line);

      await expect(hold).rejects.toThrow('Rate exceeded');
      expect(documentMock.commandCalls(GetCommand)).toHaveLength(0);
    });
  });
});
