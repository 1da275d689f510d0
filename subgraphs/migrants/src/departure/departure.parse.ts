/**
 * Reading an agency's departure file (CSV or XLSX) into raw rows, each with its line number.
 * Nothing is validated here beyond the header: values stay as typed, so that validation can say
 * exactly what was wrong with what the operator wrote.
 */
import { Readable } from 'stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { dateFromExcelSerial, displayDate, dateFromCell } from './dates';
import { fieldForHeader, REQUIRED_COLUMNS, shownAliases } from './departure.headers';
import { DepartureField, RawCell, RawRow, RowError } from './departure.types';

export interface ParseOptions {
  /** Data rows accepted in one file; more is refused with FILE_TOO_MANY_ROWS. Default 100,000. */
  maxRows?: number;
}

export interface ParsedFile {
  format: 'csv' | 'xlsx';
  rows: RawRow[];
  /** Problems with the file or its header row. When not empty, the rows must not be imported. */
  headerErrors: RowError[];
}

export const DEFAULT_MAX_ROWS = 100_000;
/** A header row is searched for among the first rows, since agencies put a title above the table. */
const HEADER_SEARCH_ROWS = 10;
const DATE_FIELDS = new Set<DepartureField>(['birthDate', 'contractStart', 'contractEnd']);

/**
 * Reads a CSV or XLSX departure file. The format is decided by the content (an XLSX is a ZIP file
 * starting with "PK\x03\x04"), not by the name, which browsers and operators get wrong.
 */
export async function parseDepartureFile(bytes: Buffer, fileName: string, opts: ParseOptions = {}): Promise<ParsedFile> {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return parseXlsx(bytes, maxRows);
  }
  // The legacy binary .xls (an OLE2 compound file) is not read: the operator is asked to save as .xlsx or CSV.
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return failed('xlsx', 'FILE_XLS_UNSUPPORTED');
  }
  if (/\.xlsx$/i.test(fileName) && bytes.length > 0) return failed('xlsx', 'FILE_UNREADABLE');
  return parseCsv(bytes, maxRows);
}

function failed(format: ParsedFile['format'], code: string): ParsedFile {
  return { format, rows: [], headerErrors: [{ line: 0, field: 'file', code }] };
}

// ---------------------------------------------------------------------------------------------
// Shared: header detection and mapping of cells to fields.

/** Column letters as a spreadsheet shows them: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Invisible characters and Excel's ="..." text trick are removed; spaces at the ends too. */
export function cleanText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s; // the common case: nothing to strip
  let t = s.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/[\u00A0\u2007\u202F]/g, ' ').trim();
  const forced = /^="(.*)"$/s.exec(t);
  if (forced) t = forced[1].trim();
  const apostrophe = /^'(\d+)$/.exec(t); // '21505199000123 typed to keep Excel from making it a number
  if (apostrophe) t = apostrophe[1];
  return t;
}

// Invisible or non-breaking characters, outer spaces, or a leading = or ' (the tricks above).
const NEEDS_CLEANING = /[\u200B-\u200D\u2060\uFEFF\u00A0\u2007\u202F]|^[\s='"]|\s$/;

type CellConverter = (value: unknown, field: DepartureField) => RawCell | undefined;

/**
 * Receives rows as they are read, finds the header among the first rows, then maps each data row's
 * cells to fields. Rows before the header (titles) and rows with no value at all are skipped.
 */
class TableCollector {
  readonly rows: RawRow[] = [];
  readonly headerErrors: RowError[] = [];
  private columns: (DepartureField | undefined)[] | undefined;
  private pending: { line: number; cells: unknown[] }[] = [];
  private sawAnything = false;

  constructor(private readonly convert: CellConverter, private readonly maxRows: number) {}

  /** @returns false when reading should stop (too many rows). */
  add(line: number, cells: unknown[]): boolean {
    if (cells.every(isBlank)) return true; // an empty row, or a row of empty cells (";;;;")
    this.sawAnything = true;
    if (this.columns) return this.addData(line, cells);
    this.pending.push({ line, cells });
    if (this.recognised(cells) >= 2) return this.useHeader(this.pending.length - 1);
    if (this.pending.length >= HEADER_SEARCH_ROWS) return this.useHeader(0);
    return true;
  }

  finish(): void {
    if (!this.columns && this.pending.length > 0) this.useHeader(0);
    if (!this.sawAnything) this.headerErrors.push({ line: 0, field: 'file', code: 'FILE_EMPTY' });
    else if (this.rows.length === 0 && this.headerErrors.length === 0) {
      this.headerErrors.push({ line: 0, field: 'file', code: 'FILE_NO_ROWS' });
    }
  }

  private useHeader(index: number): boolean {
    const header = this.pending[index];
    const rest = this.pending.slice(index + 1);
    this.pending = [];
    this.columns = header.cells.map((c) => this.headerField(c));
    const seen = new Map<DepartureField, number[]>();
    this.columns.forEach((f, i) => f && seen.set(f, [...(seen.get(f) ?? []), i]));
    for (const [field, at] of seen) {
      if (at.length > 1) {
        this.headerErrors.push({ line: header.line, field, code: 'HEADER_DUPLICATE', params: { columns: at.map(columnLetter).join(', ') } });
      }
    }
    for (const field of REQUIRED_COLUMNS) {
      if (!seen.has(field)) this.headerErrors.push({ line: header.line, field, code: 'HEADER_MISSING', params: { accepted: shownAliases(field) } });
    }
    for (const r of rest) if (!this.addData(r.line, r.cells)) return false;
    return true;
  }

  private headerField(cell: unknown): DepartureField | undefined {
    const text = this.convert(cell, 'lastName'); // a header may be rich text in XLSX
    return typeof text === 'string' ? fieldForHeader(text) : undefined;
  }

  private recognised(cells: unknown[]): number {
    return new Set(cells.map((c) => this.headerField(c)).filter(Boolean)).size;
  }

  private addData(line: number, cells: unknown[]): boolean {
    if (this.rows.length >= this.maxRows) {
      this.headerErrors.push({ line: 0, field: 'file', code: 'FILE_TOO_MANY_ROWS', params: { max: this.maxRows } });
      return false;
    }
    const values: RawRow['values'] = {};
    const columns = this.columns!;
    for (let i = 0; i < columns.length; i++) {
      const field = columns[i];
      if (!field || values[field] !== undefined) continue; // a duplicated column: the first one counts
      const v = this.convert(cells[i], field);
      if (v !== undefined) values[field] = v;
    }
    this.rows.push({ line, values });
    return true;
  }
}

function isBlank(c: unknown): boolean {
  return c === null || c === undefined || (typeof c === 'string' && cleanText(c) === '');
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * Bytes to text. UTF-8 (with or without BOM) is what we ask for; Excel on a Russian Windows saves
 * "CSV" as Windows-1251 and "Unicode text" as UTF-16, so both are recognised rather than garbled.
 */
export function decodeCsv(bytes: Buffer): string | null {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.subarray(0, 8192).includes(0)) return null; // binary, not text
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1251').decode(bytes);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The delimiter that occurs most (outside quotes) in the first lines: ";" (Excel in ru/ky locales),
 * "," or tab. Dates with dots and names with commas inside quotes do not confuse it.
 */
export function sniffDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/).slice(0, 10);
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  for (const line of sample) {
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch in counts) counts[ch]++;
    }
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ',';
}

const csvCell: CellConverter = (value) => {
  if (typeof value !== 'string') return undefined;
  const t = cleanText(value);
  return t === '' ? undefined : t;
};

function parseCsv(bytes: Buffer, maxRows: number): ParsedFile {
  const text = decodeCsv(bytes);
  if (text === null) return failed('csv', 'FILE_UNREADABLE');
  const table = new TableCollector(csvCell, maxRows);
  const quoteErrors: RowError[] = [];

  // papaparse's cursor is where the next row starts; counting newlines up to it gives the physical
  // line a row starts on, which stays right even when a quoted cell spans several lines.
  let rowStart = 0;
  let counted = 0;
  let newlines = 0;
  Papa.parse<string[]>(text, {
    delimiter: sniffDelimiter(text),
    skipEmptyLines: false,
    step: (result, parser) => {
      while (counted < rowStart) {
        if (text.charCodeAt(counted) === 10) newlines++;
        counted++;
      }
      const line = newlines + 1;
      rowStart = result.meta.cursor;
      if (result.errors.some((e) => e.type === 'Quotes')) quoteErrors.push({ line, field: 'row', code: 'CSV_QUOTES' });
      if (!table.add(line, result.data)) parser.abort();
    },
  });
  table.finish();
  return { format: 'csv', rows: table.rows, headerErrors: [...table.headerErrors, ...quoteErrors] };
}

// ---------------------------------------------------------------------------------------------
// XLSX

/** An exceljs cell value to text or a Date, with the conversions a field needs. */
const xlsxCell: CellConverter = (value, field) => {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return csvCell(value, field);
  if (typeof value === 'number') {
    // A date typed into a cell not formatted as a date arrives as its serial number.
    if (DATE_FIELDS.has(field)) return dateFromExcelSerial(value) ?? String(value);
    // ISCO codes of the armed forces start with 0, which a number cell drops (0110 → 110).
    if (field === 'positionIsco' && Number.isInteger(value) && value >= 0 && value < 10000) return String(value).padStart(4, '0');
    return String(value); // integers below 1e21 print all their digits, so a numeric PIN stays exact
  }
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    if (DATE_FIELDS.has(field)) return value;
    const iso = dateFromCell(value); // Excel turned some other text into a date; show it as typed
    return iso ? displayDate(iso) : undefined;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return csvCell(v.richText.map((r) => r.text).join(''), field);
    if ('result' in v) return xlsxCell(v.result, field); // a formula: its last computed value
    if (typeof v.text === 'string') return csvCell(v.text, field); // a hyperlink
  }
  return undefined; // an error value (#N/A) or something else without a usable value
};

/**
 * Streams the first worksheet that has content, row by row, so that a 100,000-row workbook is never
 * held as an exceljs object model. Styles are read because they are what marks a number as a date.
 */
async function parseXlsx(bytes: Buffer, maxRows: number): Promise<ParsedFile> {
  const table = new TableCollector(xlsxCell, maxRows);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    sheets: for await (const sheet of reader) {
      let rowsInSheet = 0;
      for await (const row of sheet) {
        rowsInSheet++;
        // row.values is 1-based (index 0 is empty): shift it so that column A is index 0.
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        if (!table.add(row.number, values)) break sheets;
      }
      if (rowsInSheet > 0) break; // only the first non-empty sheet is the report
    }
  } catch {
    return failed('xlsx', 'FILE_UNREADABLE');
  }
  table.finish();
  return { format: 'xlsx', rows: table.rows, headerErrors: table.headerErrors };
}
