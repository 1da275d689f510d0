/**
 * The departure-report import of private employment agencies, as one pure module: bytes of a CSV or
 * XLSX file in, validated departures and located, translatable errors out. Nothing is written here;
 * the service shows the errors to the operator first and stores only what they confirm.
 */
import { findDuplicateRows, rowKey } from './departure.key';
import { parseDepartureFile, ParseOptions } from './departure.parse';
import { validateDepartureRow, ValidateOptions } from './departure.validate';
import { DepartureReportInput, RawRow, RowError } from './departure.types';

export * from './departure.types';
export { parseDepartureFile, DEFAULT_MAX_ROWS, type ParseOptions, type ParsedFile } from './departure.parse';
export { validateDepartureRow, MAX_LENGTH, type ValidateOptions } from './departure.validate';
export { rowKey, findDuplicateRows, normaliseEmployer } from './departure.key';
export { REQUIRED_COLUMNS, HEADER_ALIASES } from './departure.headers';
export { resolveCountry } from './countries';
export { checkPin } from './pin';
export { formatRowError, errorMessage, MESSAGES, FIELD_LABELS, DEFAULT_LOCALE, LOCALES } from './messages';

/** A row that passed validation, with the key that makes storing it idempotent. */
export interface ValidRow {
  line: number;
  key: string;
  value: DepartureReportInput;
}

export interface RowsCheck {
  /** Valid rows, first occurrence of each departure only, in file order. */
  valid: ValidRow[];
  /** Every problem of every row (duplicates included), ordered by line. */
  rowErrors: RowError[];
  /** How many rows have at least one error. */
  invalidRowCount: number;
}

export interface DepartureImport extends RowsCheck {
  format: 'csv' | 'xlsx';
  /** Data rows read from the file (empty rows not counted). */
  totalRows: number;
  /** File or header problems; when present, no row is checked and nothing may be imported. */
  headerErrors: RowError[];
}

/** Validates raw rows and flags repeats of the same departure within them. */
export function validateDepartureRows(rows: readonly RawRow[], opts: ValidateOptions): RowsCheck {
  const candidates: ValidRow[] = [];
  const rowErrors: RowError[] = [];
  for (const row of rows) {
    const result = validateDepartureRow(row, opts);
    if (result.ok) candidates.push({ line: row.line, key: rowKey(result.value), value: result.value });
    else for (const e of result.errors) rowErrors.push({ line: row.line, ...e });
  }
  const duplicates = findDuplicateRows(candidates);
  const duplicateLines = new Set(duplicates.map((d) => d.line));
  const valid = candidates.filter((r) => !duplicateLines.has(r.line));
  rowErrors.push(...duplicates);
  rowErrors.sort((a, b) => a.line - b.line); // stable: a row's errors keep their field order
  return { valid, rowErrors, invalidRowCount: new Set(rowErrors.map((e) => e.line)).size };
}

/** Reads, validates and de-duplicates a whole file: what the upload preview shows. */
export async function importDepartureFile(
  bytes: Buffer,
  fileName: string,
  opts: ValidateOptions & ParseOptions,
): Promise<DepartureImport> {
  const parsed = await parseDepartureFile(bytes, fileName, opts);
  if (parsed.headerErrors.length > 0) {
    return { format: parsed.format, totalRows: parsed.rows.length, headerErrors: parsed.headerErrors, valid: [], rowErrors: [], invalidRowCount: 0 };
  }
  return { format: parsed.format, totalRows: parsed.rows.length, headerErrors: [], ...validateDepartureRows(parsed.rows, opts) };
}
