import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;

/** A bounded page size: lists never return unbounded rows. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) throw badInput('validation.pageSize', 'first', { max: MAX_PAGE_SIZE });
  return n;
}

/** Opaque cursors: base64 of the sort key, so clients cannot depend on their content. */
export const encodeCursor = (value: string) => Buffer.from(value, 'utf8').toString('base64url');
export const decodeCursor = (cursor: string | null | undefined): string | undefined =>
  cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : undefined;
