import { z } from 'zod';

/** ISO 4217 currencies the platform prices in, with their minor digits. */
export const CURRENCY_MINOR_DIGITS = { GBP: 2, EUR: 2, USD: 2 } as const;

export type Currency = keyof typeof CURRENCY_MINOR_DIGITS;

/** An amount of money in integer minor units (pence for GBP). */
export interface Money {
  amount: number;
  currency: Currency;
}

export const currencySchema = z.enum(['GBP', 'EUR', 'USD']);

export const moneySchema = z
  .object({
    amount: z.number().int().nonnegative(),
    currency: currencySchema,
  })
  .strict();

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Converts a decimal string such as "2.55" into integer minor units (255)
 * without floating-point arithmetic. Throws RangeError when the string is
 * not a non-negative decimal or has more digits than the currency allows.
 */
export function parseMoney(decimal: string, currency: Currency): Money {
  const match = DECIMAL.exec(decimal.trim());
  if (!match) {
    throw new RangeError(
      `invalid amount "${decimal}": expected a non-negative decimal such as 2.55`,
    );
  }

  const digits = CURRENCY_MINOR_DIGITS[currency];
  const [, whole = '0', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) {
    throw new RangeError(
      `invalid amount "${decimal}": ${currency} has ${digits} minor digits`,
    );
  }

  const minor =
    Number(whole) * 10 ** digits +
    Number(fraction.padEnd(digits, '0').slice(0, digits) || '0');
  return { amount: minor, currency };
}

/** Formats money for people, for example "£2.55". */
export function formatMoney(money: Money): string {
  const digits = CURRENCY_MINOR_DIGITS[money.currency];
  const symbol = { GBP: '£', EUR: '€', USD: '$' }[money.currency];
  return `${symbol}${(money.amount / 10 ** digits).toFixed(digits)}`;
}

/** Multiplies a unit price by a quantity, keeping integer minor units. */
export function multiplyMoney(unit: Money, quantity: number): Money {
  if (!Number.isInteger(quantity) || quantity < 0) {
    throw new RangeError(
      `invalid quantity ${quantity}: expected an integer >= 0`,
    );
  }
  return { amount: unit.amount * quantity, currency: unit.currency };
}

/** Adds amounts of one currency. Throws RangeError when currencies differ. */
export function sumMoney(amounts: Money[], currency: Currency): Money {
  let total = 0;
  for (const money of amounts) {
    if (money.currency !== currency) {
      throw new RangeError(
        `cannot add ${money.currency} to a ${currency} total: convert first`,
      );
    }
    total += money.amount;
  }
  return { amount: total, currency };
}
