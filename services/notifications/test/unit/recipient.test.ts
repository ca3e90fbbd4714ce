import { recipientFor } from '../../src/delivery/recipient';
import { InvalidRecipientError } from '../../src/errors';

describe('recipientFor', () => {
  it('joins customer id and domain', () => {
    const address = recipientFor('C-42', 'customers.retail.test');

    expect(address).toBe('C-42@customers.retail.test');
  });

  it.each(['C 42', 'C@42', 'C<42>'])('rejects customer id "%s"', (id) => {
    const build = () => recipientFor(id, 'customers.retail.test');

    expect(build).toThrow(InvalidRecipientError);
    expect(build).toThrow(`invalid customerId "${id}"`);
  });
});
