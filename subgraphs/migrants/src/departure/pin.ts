/**
 * Strict check of a typed ПИН (personal identification number): 14 digits, the first the sex
 * (1 female, 2 male), then the date of birth DDMMYYYY, then a 5-digit sequence number.
 * Agencies type these numbers, so a number that breaks the pattern is refused with a clear reason
 * (the lenient path for PINs from trusted certificates lives elsewhere, not here).
 */
import { validatePin } from '@kg/platform';

export type PinCheck =
  | { ok: true; pin: string; birthDate: string }
  | { ok: false; code: PinErrorCode; params?: Record<string, string | number> };

export type PinErrorCode =
  | 'REQUIRED'
  | 'PIN_INVALID'
  | 'PIN_EXCEL_NUMBER'
  | 'PIN_SEX_DIGIT'
  | 'PIN_DATE_INVALID'
  | 'PIN_DATE_FUTURE';

// What a 14-digit number looks like after Excel has shown it as a float: "2,15052E+13".
const EXCEL_SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;

/** Spaces inside are dropped (numbers are often copied as "2 150519 90 00123"); nothing else is. */
export function normalisePin(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/** @param todayIso the current calendar date, YYYY-MM-DD: a birth date after it is refused. */
export function checkPin(raw: string, todayIso: string): PinCheck {
  const pin = normalisePin(raw);
  if (pin === '') return { ok: false, code: 'REQUIRED' };
  if (EXCEL_SCIENTIFIC.test(pin)) return { ok: false, code: 'PIN_EXCEL_NUMBER' };
  const check = validatePin(pin, todayIso);
  if (check.ok) return { ok: true, pin, birthDate: check.birthDate };
  const code = ({ LENGTH: 'PIN_INVALID', DIGITS: 'PIN_INVALID', SEX: 'PIN_SEX_DIGIT', DATE: 'PIN_DATE_INVALID', FUTURE: 'PIN_DATE_FUTURE' } as const)[check.reason];
  return { ok: false, code };
}
