/** Shared row → domain helpers for the repositories. */
export const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();
/** A number of `entry_seq` (bigint) as the drivers give it: text (node-postgres) or a bigint/number (PGlite). */
export const seqNumber = (value: string | number | bigint): number => Number(value);
export const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));
/** Names are unique per group regardless of case, spacing and Unicode composition. */
export const nameKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');
