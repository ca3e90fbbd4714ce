import { InvalidRecipientError } from '../errors';

/** Characters allowed in the local part, a subset of RFC 5322 dot-atom. */
const LOCAL_PART = /^[A-Za-z0-9._+-]+$/;

/**
 * Returns the email address of a customer.
 *
 * NOTE: the address is derived from the customer id because the platform
 * has no customer directory yet; a directory would supply real addresses.
 */
export function recipientFor(customerId: string, domain: string): string {
  if (!LOCAL_PART.test(customerId)) {
    throw new InvalidRecipientError(customerId);
  }
  return `${customerId}@${domain}`;
}
