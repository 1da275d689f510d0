import { GraphQLError } from 'graphql';
import { ZodError } from 'zod';
import { currentContext, currentLocale } from './context';
import { translate } from './i18n';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR';

export interface AppErrorOptions {
  /** The input field the error concerns, as a path: 'input.pin'. */
  field?: string;
  /** A stable machine-readable reason beside the code: 'CERTIFICATE_EXPIRED'. */
  reason?: string;
  params?: Record<string, unknown>;
  /** Several field errors at once (a form with three bad fields). */
  details?: { field: string; message: string; reason?: string }[];
}

/** An error the user is meant to see: a stable code, the field, and a message in the caller's language. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    opts: AppErrorOptions = {},
  ) {
    super(translate(messageKey, currentLocale(), { ...opts.params, field: opts.params?.field ?? opts.field }), {
      extensions: {
        code,
        ...(opts.field ? { field: opts.field } : {}),
        ...(opts.reason ? { reason: opts.reason } : {}),
        ...(opts.details ? { details: opts.details } : {}),
      },
    });
  }
}

export const badInput = (messageKey: string, field: string, params?: Record<string, unknown>, reason?: string) =>
  new AppError('BAD_USER_INPUT', messageKey, { field, params: { field: fieldLabel(field), ...params }, reason });
export const unauthenticated = (reason?: string, messageKey = 'error.unauthenticated') =>
  new AppError('UNAUTHENTICATED', messageKey, { reason });
export const forbidden = (messageKey = 'error.forbidden') => new AppError('FORBIDDEN', messageKey);
export const notFound = (messageKey = 'error.notFound') => new AppError('NOT_FOUND', messageKey);
export const conflict = (messageKey: string, params?: Record<string, unknown>) =>
  new AppError('CONFLICT', messageKey, { params });

/** 'input.birthDate' → the message key 'field.birthDate' when one is defined, so the field is named in the user's language. */
export function fieldLabel(field: string): string {
  const last = field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? field;
  return `field.${last}`;
}

/**
 * Turns a zod failure into one BAD_USER_INPUT error naming every bad field, each message translated.
 * The first field is the error's own `field`; all of them are in `details`.
 */
export function fromZod(err: ZodError, prefix = 'input'): AppError {
  const locale = currentLocale();
  const details = err.issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    const label = fieldLabel(field);
    const custom = (issue as { params?: { key?: string } }).params?.key;
    let key = custom ?? 'validation.invalid';
    const params: Record<string, unknown> = { field: label };
    if (!custom) {
      if (issue.code === 'invalid_type' && (issue as any).input === undefined) key = 'validation.required';
      else if (issue.code === 'too_big') {
        key = (issue as any).origin === 'array' ? 'validation.tooMany' : 'validation.tooLong';
        params.max = (issue as any).maximum;
      } else if (issue.code === 'too_small') {
        const min = Number((issue as any).minimum);
        const origin = (issue as any).origin;
        key = origin === 'array' ? 'validation.tooFew' : min <= 1 && origin === 'string' ? 'validation.required' : 'validation.tooShort';
        params.min = min;
      }
    }
    return { field, message: translate(key, locale, params), reason: custom ? key : issue.code };
  });
  const first = details[0];
  const e = new AppError('BAD_USER_INPUT', 'validation.invalid', { field: first.field, details });
  e.message = details.map((d) => d.message).join('; ');
  return e;
}

/** Parses input with a zod schema or throws a translated BAD_USER_INPUT naming the fields. */
export function parseInput<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown, prefix = 'input'): T {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error, prefix);
  return r.data;
}

export function internalErrorMessage(): string {
  return translate('error.internal', currentLocale(), { requestId: currentContext()?.requestId ?? '-' });
}
