import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { TEST_CREDENTIALS, TEST_REGION } from '@retail/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { SendFailedError } from '../../src/errors';
import { createSesProvider } from '../../src/providers/ses-provider';

const client = new SESv2Client({
  region: TEST_REGION,
  credentials: TEST_CREDENTIALS,
});
const ses = mockClient(client);

const MESSAGE = {
  messageId: 'OrderConfirmed:O-7',
  orderId: 'O-7',
  recipient: 'C-42@customers.retail.test',
  subject: 'Your order O-7 is confirmed',
  text: 'Hello,\n\nWe have confirmed your order O-7.',
};

function provider() {
  return createSesProvider({ client, senderAddress: 'orders@retail.test' });
}

afterEach(() => {
  ses.reset();
});

describe('createSesProvider', () => {
  describe('send', () => {
    it('sends one plain-text email', async () => {
      ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });

      await provider().send(MESSAGE);

      const calls = ses.commandCalls(SendEmailCommand);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.args[0].input).toEqual({
        FromEmailAddress: 'orders@retail.test',
        Destination: { ToAddresses: ['C-42@customers.retail.test'] },
        Content: {
          Simple: {
            Subject: { Data: MESSAGE.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: MESSAGE.text, Charset: 'UTF-8' } },
          },
        },
      });
    });

    it('returns the SES MessageId', async () => {
      ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });

      const result = await provider().send(MESSAGE);

      expect(result).toEqual({ providerMessageId: 'ses-1' });
    });

    it('wraps a rejection in SendFailedError', async () => {
      const cause = new Error('Email address is not verified');
      ses.on(SendEmailCommand).rejects(cause);

      const sending = provider().send(MESSAGE);

      await expect(sending).rejects.toThrow(SendFailedError);
      await expect(sending).rejects.toMatchObject({
        details: { provider: 'ses', eventId: MESSAGE.messageId },
        cause,
      });
    });

    it('fails when SES returns no MessageId', async () => {
      ses.on(SendEmailCommand).resolves({});

      const sending = provider().send(MESSAGE);

      await expect(sending).rejects.toThrow(SendFailedError);
    });
  });
});
