/**
 * Calendar dates as ISO strings (YYYY-MM-DD). Plain strings compare correctly with < and >,
 * and carry no time zone, which is what a date of birth or a contract date is.
 */

/** Years outside this range are typing mistakes in this domain (births, contracts). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The ISO string of a calendar date, or null when the day does not exist (31.02, 29.02.2023). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

// dd.mm.yyyy (one-digit day and month allowed, as Excel writes them) and yyyy-mm-dd.
// A midnight time part is tolerated, because spreadsheet exports often add " 0:00" or "T00:00:00".
const MIDNIGHT = String.raw`(?:[ T]0?0:00(?::00(?:\.0+)?)?Z?)?`;
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${MIDNIGHT}$`);
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${MIDNIGHT}$`);

/** Parses "dd.mm.yyyy" or "yyyy-mm-dd" text; null when the text is not one of those or not a real date. */
export function parseDateText(text: string): string | null {
  const s = text.trim();
  let m = DOTTED.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = ISO.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/**
 * A Date read from an XLSX cell. exceljs turns the Excel serial number into a Date at UTC midnight
 * of the displayed day, so the UTC components are the calendar date the operator sees.
 */
export function dateFromCell(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Excel serial day number (1900 date system) to a Date at UTC midnight; null outside 1900..2100. */
export function dateFromExcelSerial(serial: number): Date | null {
  // Serial 1 is 1900-01-01; Excel's fictitious 29.02.1900 makes day 0 effectively 1899-12-30.
  if (!Number.isFinite(serial) || serial < 1 || serial > 73050) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
}

/** The local calendar date of `d` (the day the server is in), or an ISO string passed through. */
export function toIsoDay(d: Date | string): string {
  if (typeof d === 'string') return d.slice(0, 10);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return isoDate(y + years, m, d) ?? isoDate(y + years, m, d - 1)!;
}

/** "1990-05-15" → "15.05.1990", the form operators type and read. */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
