/**
 * Idempotency of departure reports. The key names the departure, not the upload: the same person,
 * to the same country, from the same day, to the same employer. It leaves the agency out on purpose,
 * so that the same departure reported twice (again by the same agency, or by two agencies) is seen.
 */
import { createHash } from 'crypto';
import { normalisePin } from './pin';
import { DepartureReportInput, RowError } from './departure.types';

/** Bumped if the normalisation ever changes, so that old and new keys never silently collide. */
const KEY_VERSION = 'departure-v1';

// Legal forms carry no identity: "ООО «Ак-Жол»", "Ak-Zhol LLC" and "Ак-Жол" are one employer.
// Matched as whole words after normalisation.
const LEGAL_FORMS = new Set([
  'ооо', 'осоо', 'оао', 'зао', 'пао', 'ао', 'тоо', 'ип', 'жчк', 'ачк',
  'llc', 'ltd', 'limited', 'inc', 'corp', 'gmbh', 'ag', 'plc', 'llp', 'jsc', 'srl', 'bv', 'fze', 'fzco', 'şti',
]);

/** "ООО «Ак-Жол»" → "ак жол"; "AK-ZHOL, LLC" → "ak zhol". */
export function normaliseEmployer(name: string): string {
  // One agency sends people to a few employers, many times over: remember the answers (bounded).
  const known = normalised.get(name);
  if (known !== undefined) return known;
  if (normalised.size >= 10_000) normalised.clear();
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '' && !LEGAL_FORMS.has(w));
  const result = words.join(' ');
  normalised.set(name, result);
  return result;
}
const normalised = new Map<string, string>();

/** sha256 hex of the departure's identity; equal for rows that describe the same departure. */
export function rowKey(value: Pick<DepartureReportInput, 'pin' | 'country' | 'contractStart' | 'employer'> & Partial<DepartureReportInput>): string {
  const parts = [KEY_VERSION, normalisePin(value.pin), value.country.toUpperCase(), value.contractStart, normaliseEmployer(value.employer)];
  // The unit separator cannot occur in any part, so no two different tuples hash the same input.
  return createHash('sha256').update(parts.join('\u001f')).digest('hex');
}

/**
 * Rows of one file that repeat an earlier row of the same file. The first occurrence stays valid;
 * each repeat gets DUPLICATE_IN_FILE pointing at the line it repeats.
 */
export function findDuplicateRows(rows: readonly { line: number; key: string }[]): RowError[] {
  const firstLine = new Map<string, number>();
  const errors: RowError[] = [];
  for (const { line, key } of rows) {
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, line);
    else errors.push({ line, field: 'row', code: 'DUPLICATE_IN_FILE', params: { firstLine: first } });
  }
  return errors;
}
