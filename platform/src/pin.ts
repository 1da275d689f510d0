/**
 * The Kyrgyz personal identification number (ПИН): 14 digits: the sex (1 female, 2 male), the date of
 * birth DDMMYYYY, a 5-digit sequence number. This strict check serves typed PINs; the lenient reading
 * of PINs from trusted certificates (accept, flag for review) builds on it in the identity subgraph.
 */
export type PinCheck =
  | { ok: true; sex: 'F' | 'M'; birthDate: string }
  | { ok: false; reason: 'LENGTH' | 'DIGITS' | 'SEX' | 'DATE' | 'FUTURE' };

const MIN_BIRTH_YEAR = 1900;
const BISHKEK_OFFSET_MS = 6 * 60 * 60 * 1000;

/** Bishkek's calendar date (UTC+6), YYYY-MM-DD: what "today" means for the dates people type. */
export function todayInBishkek(now: Date = new Date()): string {
  return new Date(now.getTime() + BISHKEK_OFFSET_MS).toISOString().slice(0, 10);
}

/** @param today a Date (its Bishkek calendar day is used) or a YYYY-MM-DD date; a birth date after it is refused. */
export function validatePin(pin: string, today: Date | string = new Date()): PinCheck {
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
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false, reason: 'DATE' };
  const birthDate = `${pin.slice(5, 9)}-${pin.slice(3, 5)}-${pin.slice(1, 3)}`;
  const todayIso = typeof today === 'string' ? today : todayInBishkek(today);
  if (birthDate > todayIso) return { ok: false, reason: 'FUTURE' };
  return { ok: true, sex: sexDigit === '1' ? 'F' : 'M', birthDate };
}
