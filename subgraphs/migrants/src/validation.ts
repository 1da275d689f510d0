import { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js';
import { z } from 'zod';
import { checkPin } from './departure/pin';
import { isIsoCountry } from './departure/countries';

export { todayInBishkek } from '@kg/platform';
import { todayInBishkek } from '@kg/platform';

const issue = (key: string) => ({ params: { key } }) as any;

export const soateCode = z.string().regex(/^417[0-9]{11}$/, issue('validation.soate'));
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, issue('validation.date'))
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), issue('validation.date'));
export const personName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}][\p{L}\s'’-]*$/u, issue('validation.name'));
/** A phone in international format; stored as E.164. */
export const phone = z
  .string()
  .trim()
  .max(30)
  .refine((p) => isValidPhoneNumber(p), issue('validation.phone'))
  .transform((p) => parsePhoneNumberWithError(p).number);
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => isIsoCountry(c) && c !== 'KG', issue('validation.country'));
export const iscoCode = z.string().regex(/^[0-9]{4}$/, issue('validation.isco'));
/** A typed PIN is checked strictly: 14 digits, sex digit, a real date of birth. */
export const pin = z
  .string()
  .trim()
  .refine((p) => checkPin(p, todayInBishkek()).ok, issue('validation.pin'));
