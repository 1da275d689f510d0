import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, GqlError } from '../../api/gql';

/** The texts of these pages live in their own namespace, loaded when a page first needs them. */
export function useMT() {
  return useTranslation('migrants');
}

/**
 * A key that makes a retry (double tap, resend over a bad connection) the same submission. Random UUID
 * where the browser has it (secure contexts), otherwise 128 random bits from getRandomValues.
 */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface FormErrors {
  /** translated messages by field name (`input.phone` → `phone`) */
  fields: Record<string, string>;
  /** a message not tied to one field */
  general: string | null;
}

const NO_ERRORS: FormErrors = { fields: {}, general: null };

/**
 * Errors of one form: the server's (already translated, by field from `extensions.field` /
 * `extensions.details[]`) and the page's own checks before sending.
 */
export function useFormErrors() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const clear = useCallback(() => setErrors(NO_ERRORS), []);
  const fromError = useCallback(
    (e: unknown) => {
      const fields = e instanceof GqlError && !e.isNetwork ? e.fieldMessages() : {};
      const general = Object.keys(fields).length ? null : errorMessage(e, t);
      setErrors({ fields, general });
    },
    [t],
  );
  const setFields = useCallback((fields: Record<string, string>) => setErrors({ fields, general: null }), []);
  /** The person changed a field: its message (now perhaps wrong) goes until the next check. */
  const clearField = useCallback(
    (field: string) =>
      setErrors((prev) => {
        if (!(field in prev.fields)) return prev;
        const fields = { ...prev.fields };
        delete fields[field];
        return { ...prev, fields };
      }),
    [],
  );
  return { errors, clear, fromError, setFields, clearField };
}

/** The contents of a file as base64 (without the `data:…;base64,` prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Offers a file to save. */
export function saveFile(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Whether the browser has date names for a language. Many builds (Debian's Chromium among them) ship
 * no Kyrgyz locale data and would answer in English: then dates are written the Kyrgyz way by hand.
 */
const hasLocale = (lang: string) => {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0;
  } catch {
    return false;
  }
};
/** CLDR's Kyrgyz month names (standalone), for browsers without Kyrgyz locale data. */
const KY_MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-03-05 → "5 мар. 2026 г." (ru), "Mar 5, 2026" (en), "05.03.2026" (ky); as given when it is not a date. */
export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  if (!hasLocale(lang)) return `${m[3]}.${m[2]}.${m[1]}`;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A moment (ISO date-time) as a local date and time in the UI language. */
export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (!hasLocale(lang)) return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** 2026-03 → "март 2026 г." (ru), "March 2026" (en), "2026-ж. март" (ky) */
export function formatMonth(ym: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) return ym;
  if (!hasLocale(lang)) return lang === 'ky' ? `${m[1]}-ж. ${KY_MONTHS[Number(m[2]) - 1]}` : ym;
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)),
  );
}

/** Today in Bishkek as YYYY-MM-DD (the dates of the registry are Bishkek dates). */
export function todayInBishkek(): string {
  return new Date(Date.now() + 6 * 3600_000).toISOString().slice(0, 10);
}

/** Moves the focus to an element (the error summary, a result) once React has rendered it. */
export function focusSoon(id: string, frames = 10): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (el) el.focus();
    else if (frames > 0) focusSoon(id, frames - 1);
  });
}
