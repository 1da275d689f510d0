/**
 * The Kyrgyz personal identification number (ПИН): 14 digits =
 *   1 digit sex (1 female, 2 male) + date of birth DDMMYYYY + 5-digit sequence number.
 *
 * `validatePin` is the strict check for a PIN typed into a form. `pinFromCertificate` is the lenient
 * reading of a PIN carried by a certificate from a trusted CA: legacy PINs exist whose date does not
 * parse (or whose sex digit is neither 1 nor 2), and those people must not be locked out, so such a
 * value is accepted and flagged for staff review. Only a value that is not 14 digits is refused.
 */

export type PinCheck =
  | { ok: true; sex: 'F' | 'M'; birthDate: string }
  | { ok: false; reason: 'LENGTH' | 'DIGITS' | 'SEX' | 'DATE' | 'FUTURE' };

/** Flag attached to a certificate PIN that is 14 digits but fails the sex or date rule. */
export type PinFlag = 'DATE_UNPARSEABLE';

/** Earliest birth year accepted by the strict check; anything earlier is a data error, not a person. */
const MIN_BIRTH_YEAR = 1900;

/** Kyrgyzstan is UTC+6 all year (no DST since 2005): "today" for a birth date is Bishkek's today. */
const BISHKEK_OFFSET_MS = 6 * 60 * 60 * 1000;

/**
 * Strict validation of a PIN as typed. The value is taken as is (no trimming): normalise input
 * before calling. `now` is for tests; the "future" check uses the calendar date in Bishkek.
 */
export function validatePin(pin: string, now: Date = new Date()): PinCheck {
  if (pin.length !== 14) return { ok: false, reason: 'LENGTH' };
  if (!/^[0-9]{14}$/.test(pin)) return { ok: false, reason: 'DIGITS' };

  const sexDigit = pin[0];
  if (sexDigit !== '1' && sexDigit !== '2') return { ok: false, reason: 'SEX' };

  const day = Number(pin.slice(1, 3));
  const month = Number(pin.slice(3, 5));
  const year = Number(pin.slice(5, 9));
  if (year < MIN_BIRTH_YEAR || month < 1 || month > 12 || day < 1) return { ok: false, reason: 'DATE' };
  // A real calendar date: 31 February rolls over in Date.UTC, so compare the parts back.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, reason: 'DATE' };
  }
  const birthDate = `${pin.slice(5, 9)}-${pin.slice(3, 5)}-${pin.slice(1, 3)}`;
  const todayInBishkek = new Date(now.getTime() + BISHKEK_OFFSET_MS).toISOString().slice(0, 10);
  if (birthDate > todayInBishkek) return { ok: false, reason: 'FUTURE' };

  return { ok: true, sex: sexDigit === '1' ? 'F' : 'M', birthDate };
}

/**
 * ETSI EN 319 412-1 semantics identifiers that name something other than the PIN. In Kyrgyzstan the
 * PIN doubles as the individual taxpayer number, so TIN/INN prefixes are fine; a passport or
 * identity-card number is not a PIN even if it happened to have 14 digits.
 */
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
