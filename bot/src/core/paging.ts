/**
 * The tab's lists come in keyset pages (the decision register, the action list, the meetings): a
 * page size read from the query string, and an opaque cursor naming the last row of the previous
 * page. The cursor is base64url JSON of a tuple this API handed out; whatever comes back is checked
 * field by field by the list it belongs to and refused with one Swedish message otherwise, so a
 * tampered cursor never reaches SQL as anything but the typed values it was checked to be.
 */
import { invalid, type DomainError } from './errors';

export interface PageSize {
  default: number;
  max: number;
}

/** The page size the caller asked for, or the list's default when it asked for none. */
export function pageLimit(limit: unknown, size: PageSize): number {
  if (limit === undefined || limit === '') return size.default;
  const n = typeof limit === 'number' ? limit : typeof limit === 'string' && /^\d{1,6}$/.test(limit) ? Number(limit) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > size.max) throw invalid(`limit ska vara ett heltal mellan 1 och ${size.max}.`);
  return n;
}

const BAD_CURSOR = 'Sidmarkören (cursor) gäller inte. Börja om från första sidan.';
const MAX_CURSOR_LENGTH = 400;

export const badCursor = (): DomainError => invalid(BAD_CURSOR);

export function encodeCursor(tuple: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

/**
 * The tuple inside a cursor of `length` fields, unchecked beyond its shape; null when there is no
 * cursor (the first page). The caller checks each field and calls `badCursor` on any it refuses.
 */
export function cursorTuple(cursor: unknown, length: number): unknown[] | null {
  if (cursor === undefined || cursor === '') return null;
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor();
  let tuple: unknown;
  try {
    tuple = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(tuple) || tuple.length !== length) throw badCursor();
  return tuple as unknown[];
}

/** A timestamp as the store writes it into a cursor: UTC with microseconds, `2024-02-16T08:00:00.123456Z`. */
export const isMicrosecondTime = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value);

export const isSafeInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
