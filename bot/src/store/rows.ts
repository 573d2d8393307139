import { sql, type RawBuilder } from 'kysely';

/** Shared row → domain helpers for the repositories. */
export const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();
/** A number of `entry_seq` (bigint) as the drivers give it: text (node-postgres) or a bigint/number (PGlite). */
export const seqNumber = (value: string | number | bigint): number => Number(value);
export const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));
/** Names are unique per group regardless of case, spacing and Unicode composition. */
export const nameKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');

/**
 * A row of `alias` as a JSON object of exactly these columns, keyed by their names: for reads that
 * bring a list (a meeting's agenda, a group's roster) as JSON inside another row.
 */
export const jsonObjectOf = (alias: string, columns: readonly string[]): RawBuilder<unknown> =>
  sql`json_build_object(${sql.join(columns.map((c) => sql`${sql.lit(c)}, ${sql.ref(`${alias}.${c}`)}`))})`;
