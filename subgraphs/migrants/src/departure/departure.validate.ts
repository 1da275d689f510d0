/**
 * Validation of one raw row into a DepartureReportInput. Every problem in the row is reported
 * (not just the first), each with a stable code, so the operator can fix a row in one go.
 */
import { HOME_COUNTRY, resolveCountry } from './countries';
import { addYears, dateFromCell, displayDate, parseDateText, toIsoDay } from './dates';
import { checkPin } from './pin';
import { DepartureField, DepartureReportInput, FieldError, RawCell, RawRow, ValidationResult } from './departure.types';

export interface ValidateOptions {
  /** The current day (its local calendar date is used), or an ISO date "YYYY-MM-DD". */
  today: Date | string;
}

/** Longest accepted values; the database columns must be at least this wide. */
export const MAX_LENGTH = {
  lastName: 100,
  firstName: 100,
  patronymic: 100,
  city: 100,
  employer: 200,
} as const;

/** How far ahead a contract may start: reports are of real departures, not plans. */
const MAX_START_AHEAD_YEARS = 1;

// Letters of the Cyrillic (Kyrgyz ң ө ү included) and Latin scripts; inside a name, single spaces,
// hyphens and apostrophes between letters ("Мамыт-кызы", "O'Neil", "Абдыкалык уулу").
const LETTER = String.raw`(?:(?=\p{L})[\p{Script=Cyrillic}\p{Script=Latin}]\p{M}*)`;
const NAME = new RegExp(String.raw`^${LETTER}+(?:[-'’ʼ ]${LETTER}+)*$`, 'u');

// Outer spaces, a run of spaces, other whitespace, or a combining mark (text not in NFC form).
const NEEDS_TIDY = /^\s|\s$|\s\s|[^\S ]|\p{M}/u;

/** Text of a cell: spaces collapsed, composed form (a "й" typed as "и" + breve becomes one letter). */
function text(cell: RawCell | undefined): string {
  if (cell === undefined) return '';
  if (cell instanceof Date) {
    const iso = dateFromCell(cell);
    if (iso) return displayDate(iso);
    return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10); // a year out of range, shown as it is
  }
  // Most cells are plain already; skip the rewrites for them (this runs ~1M times for 100k rows).
  return NEEDS_TIDY.test(cell) ? cell.normalize('NFC').replace(/\s+/g, ' ').trim() : cell;
}

/** A date cell: a real Date from XLSX, or dd.mm.yyyy / yyyy-mm-dd text. */
function dateValue(cell: RawCell): string | null {
  return cell instanceof Date ? dateFromCell(cell) : parseDateText(cell);
}

export function validateDepartureRow(raw: RawRow | RawRow['values'], opts: ValidateOptions): ValidationResult {
  // A RawRow from a file, or bare values (one departure typed into a form); no field is called "values".
  const cells: RawRow['values'] = 'values' in raw ? raw.values : raw;
  const today = toIsoDay(opts.today);
  const errors: FieldError[] = [];
  const fail = (field: DepartureField, code: string, params?: FieldError['params']) => {
    errors.push(params ? { field, code, params } : { field, code });
  };

  // --- PIN, and the date of birth it carries
  const pin = checkPin(text(cells.pin), today);
  if (!pin.ok) fail('pin', pin.code, pin.params);

  let birthDate: string | null = pin.ok ? pin.birthDate : null;
  if (cells.birthDate !== undefined && text(cells.birthDate) !== '') {
    const typed = dateValue(cells.birthDate);
    if (typed === null) fail('birthDate', 'DATE_INVALID', { value: text(cells.birthDate) });
    else if (typed > today) fail('birthDate', 'DATE_IN_FUTURE');
    else if (pin.ok && typed !== pin.birthDate) fail('birthDate', 'PIN_BIRTHDATE_MISMATCH', { pinDate: displayDate(pin.birthDate) });
    else birthDate = typed;
  }

  // --- names
  const name = (field: 'lastName' | 'firstName' | 'patronymic', required: boolean): string | undefined => {
    const v = text(cells[field]);
    if (v === '') {
      if (required) fail(field, 'REQUIRED');
      return undefined;
    }
    if (v.length > MAX_LENGTH[field]) fail(field, 'TOO_LONG', { max: MAX_LENGTH[field] });
    else if (!NAME.test(v)) fail(field, 'NAME_INVALID');
    return v;
  };
  const lastName = name('lastName', true);
  const firstName = name('firstName', true);
  const patronymic = name('patronymic', false);

  // --- destination
  let country: string | undefined;
  const countryText = text(cells.country);
  if (countryText === '') fail('country', 'REQUIRED');
  else {
    const code = resolveCountry(countryText);
    if (code === null) fail('country', 'COUNTRY_UNKNOWN', { value: countryText });
    else if (code === HOME_COUNTRY) fail('country', 'COUNTRY_HOME');
    else country = code;
  }

  const freeText = (field: 'city' | 'employer', required: boolean): string | undefined => {
    const v = text(cells[field]);
    if (v === '') {
      if (required) fail(field, 'REQUIRED');
      return undefined;
    }
    // Control characters never belong in a name of a place or a company.
    if (/\p{Cc}/u.test(v)) fail(field, 'TEXT_INVALID');
    else if (v.length > MAX_LENGTH[field]) fail(field, 'TOO_LONG', { max: MAX_LENGTH[field] });
    return v;
  };
  const city = freeText('city', false);
  const employer = freeText('employer', true);

  // --- occupation (ISCO-08 unit group). Whether the code exists is the directory's business.
  const isco = text(cells.positionIsco);
  if (isco !== '' && !/^[0-9]{4}$/.test(isco)) fail('positionIsco', 'ISCO_INVALID', { value: isco });

  // --- contract dates
  let contractStart: string | null = null;
  if (cells.contractStart === undefined || text(cells.contractStart) === '') fail('contractStart', 'REQUIRED');
  else {
    contractStart = dateValue(cells.contractStart);
    if (contractStart === null) fail('contractStart', 'DATE_INVALID', { value: text(cells.contractStart) });
    else {
      const latest = addYears(today, MAX_START_AHEAD_YEARS);
      if (contractStart > latest) {
        fail('contractStart', 'DATE_TOO_FAR_AHEAD', { max: displayDate(latest) });
        contractStart = null;
      }
    }
  }
  let contractEnd: string | null = null;
  if (cells.contractEnd !== undefined && text(cells.contractEnd) !== '') {
    contractEnd = dateValue(cells.contractEnd);
    if (contractEnd === null) fail('contractEnd', 'DATE_INVALID', { value: text(cells.contractEnd) });
    else if (contractStart !== null && contractEnd < contractStart) fail('contractEnd', 'END_BEFORE_START');
  }

  if (errors.length > 0) return { ok: false, errors };

  // All required values are known to be present once there are no errors.
  const value: DepartureReportInput = {
    pin: (pin as { pin: string }).pin,
    lastName: lastName!,
    firstName: firstName!,
    birthDate: birthDate!,
    country: country!,
    employer: employer!,
    contractStart: contractStart!,
  };
  if (patronymic) value.patronymic = patronymic;
  if (city) value.city = city;
  if (isco) value.positionIsco = isco;
  if (contractEnd) value.contractEnd = contractEnd;
  return { ok: true, value };
}
