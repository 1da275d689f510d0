/**
 * Types shared by the departure-report import (agency uploads of CSV/XLSX files).
 * The module is pure: it reads bytes and returns values and errors; it never touches a database.
 */

/** The languages operators read messages in; Kyrgyz is the default. */
export type Locale = 'ky' | 'ru' | 'en';

/** The columns of a departure report, named as in DepartureReportInput. */
export const DEPARTURE_FIELDS = [
  'pin',
  'lastName',
  'firstName',
  'patronymic',
  'birthDate',
  'country',
  'city',
  'employer',
  'positionIsco',
  'contractStart',
  'contractEnd',
] as const;
export type DepartureField = (typeof DEPARTURE_FIELDS)[number];

/**
 * The field an error is about: a column, or `row` for a whole-row problem (a duplicate),
 * or `file` for a problem with the file as a whole (empty, unreadable, too many rows).
 */
export type ErrorField = DepartureField | 'row' | 'file';

/**
 * One cell as read from the file. CSV gives text only; XLSX may give a real Date
 * (a date-formatted cell, already converted from the Excel serial number).
 */
export type RawCell = string | Date;

/** One data row before validation, with its 1-based line (CSV) or row number (XLSX); header = 1. */
export interface RawRow {
  line: number;
  values: Partial<Record<DepartureField, RawCell>>;
}

/** Values of error parameters, interpolated into messages. */
export type ErrorParams = Record<string, string | number>;

/** An error about one field of one row, with a stable machine-readable code. */
export interface FieldError {
  field: ErrorField;
  code: string;
  params?: ErrorParams;
}

/** A FieldError located in the file. line 0 means the file as a whole. */
export interface RowError extends FieldError {
  line: number;
}

/** A validated departure, ready to be stored. Dates are ISO calendar dates (YYYY-MM-DD). */
export interface DepartureReportInput {
  pin: string;
  lastName: string;
  firstName: string;
  patronymic?: string;
  birthDate: string;
  /** ISO 3166-1 alpha-2, upper case, never KG. */
  country: string;
  city?: string;
  employer: string;
  /** ISCO-08 unit group, 4 digits. */
  positionIsco?: string;
  contractStart: string;
  contractEnd?: string;
}

export type ValidationResult =
  | { ok: true; value: DepartureReportInput }
  | { ok: false; errors: FieldError[] };
