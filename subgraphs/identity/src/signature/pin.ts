/**
 * The Kyrgyz personal identification number (ПИН): 14 digits =
 *   1 digit sex (1 female, 2 male) + date of birth DDMMYYYY + 5-digit sequence number.
 *
 * `validatePin` is the strict check for a PIN typed into a form. `pinFromCertificate` is the lenient
 * reading of a PIN carried by a certificate from a trusted CA: legacy PINs exist whose date does not
 * parse (or whose sex digit is neither 1 nor 2), and those people must not be locked out, so such a
 * value is accepted and flagged for staff review. Only a value that is not 14 digits is refused.
 */

import { validatePin, type PinCheck } from '@kg/platform';

export { validatePin, type PinCheck };

/** Flag attached to a certificate PIN that is 14 digits but fails the sex or date rule. */
export type PinFlag = 'DATE_UNPARSEABLE';

const NOT_A_PIN_PREFIX = /^(PAS|IDC)/i;

/**
 * Reads a PIN out of a certificate subject attribute value (normally serialNumber, 2.5.4.5).
 * Accepted: "21505198800123", "PIN21505198800123", "INN 21505198800123", "IIN21505198800123",
 * "PNOKG-21505198800123" (ETSI natural-person style): any non-digit prefix is stripped.
 * Returns null when the value does not carry a 14-digit number.
 */
export function pinFromCertificate(
  value: string,
  now: Date = new Date(),
): { pin: string; pinFlag?: PinFlag } | null {
  const trimmed = value.trim();
  if (NOT_A_PIN_PREFIX.test(trimmed)) return null;
  const match = /^[^0-9]*([0-9]+)$/.exec(trimmed);
  if (!match) return null;
  const pin = match[1];
  if (pin.length !== 14) return null;
  const check = validatePin(pin, now);
  return check.ok ? { pin } : { pin, pinFlag: 'DATE_UNPARSEABLE' };
}
