/**
 * Text helpers of the command parser: input normalisation, field limits, names, dates and times.
 * Field helpers return the value or a Swedish problem string (`{ problem }`).
 */
import { isCalendarDate, MAX_NAME_LENGTH, withoutControlCharacters } from '../validators';

export type Checked<T> = { value: T } | { problem: string };

/** NFC, line breaks `\n`, no-break spaces as spaces, control and zero-width characters removed, trimmed. */
export function normaliseInput(text: string): string {
  return withoutControlCharacters(
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u00a0\u2007\u202f]/g, ' ')
      .replace(/[\u200b\ufeff]/g, ''),
  ).trim();
}

/** All whitespace (line breaks too) collapsed to single spaces. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Line breaks kept; line ends trimmed, leading and trailing blank lines dropped. */
export function multiLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

export function withinLimit(value: string, max: number, what: string): Checked<string> {
  return value.length > max
    ? { problem: `${capitalise(what)} har för många tecken (${value.length}, högst ${max}).` }
    : { value };
}

/** A sentence-ending period after a name is dropped (`Anna Berg.`), an initial (`Anna B.`) is kept. */
// A lookbehind, not a capture of the letters: `(\p{L}{2,})\.$` backtracks quadratically on long input.
export const cleanName = (name: string): string => oneLine(name).replace(/(?<=\p{L}\p{L})\.$/u, '');

export function checkedName(raw: string, what = 'namnet'): Checked<string> {
  const name = cleanName(raw);
  if (!name) return { problem: `${capitalise(what)} saknas.` };
  return withinLimit(name, MAX_NAME_LENGTH, what);
}

/**
 * `och`/`&` between the last two names splits them, except inside a name of an organisation:
 * not after a hyphen (`Hälso- och sjukvårdsnämnden`) nor before a lower-case word (`vård och omsorg`).
 */
function splitLastPair(last: string): string[] {
  const tail = /^(.*\S)\s+(?:och|&)(?:\s+(.*))?$/iu.exec(last);
  if (!tail) return [last];
  const [left = '', right = ''] = [oneLine(tail[1] ?? ''), oneLine(tail[2] ?? '')];
  if (left.endsWith('-') || /^\p{Ll}/u.test(right)) return [last];
  return [left, right];
}

/**
 * Comma-separated names (also `;` and line breaks); `och`/`&` between the last two also splits.
 * Every name must be non-empty.
 */
export function checkedNameList(raw: string): Checked<string[]> {
  const parts = raw.trim().split(/[,;\n]/).map(oneLine);
  const names = [...parts.slice(0, -1), ...splitLastPair(parts[parts.length - 1] ?? '')];
  if (names.length === 1 && names[0] === '') return { problem: 'Minst ett namn behövs.' };
  const result: string[] = [];
  for (const [index, raw] of names.entries()) {
    const name = checkedName(raw, `namn ${index + 1}`);
    if ('problem' in name) return name.problem.endsWith('saknas.')
      ? { problem: `Namn ${index + 1} är tomt; skriv namnen åtskilda med kommatecken.` }
      : name;
    result.push(name.value);
  }
  return { value: result };
}

/**
 * Recipients of `skickas till` and `sändlista`: separated like names (`,`, line breaks, `och`
 * between the last two), except that a list with a `;` in it is separated by `;` alone, so a
 * recipient may contain commas (`Region Blekinge, hälso- och sjukvårdsförvaltningen; Ronneby kommun`).
 * One `;` at the end is allowed: it is how a single recipient with a comma is written.
 */
export function checkedRecipientList(raw: string): Checked<string[]> {
  if (!raw.includes(';')) return checkedNameList(raw);
  const parts = raw.trim().replace(/;$/, '').split(';').map(oneLine);
  const result: string[] = [];
  for (const [index, part] of parts.entries()) {
    const name = checkedName(part, `mottagare ${index + 1}`);
    if ('problem' in name) return name.problem.endsWith('saknas.')
      ? { problem: `Mottagare ${index + 1} är tom; skriv mottagarna åtskilda med semikolon när någon av dem innehåller kommatecken.` }
      : name;
    result.push(name.value);
  }
  return { value: result };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})\.?$/;

/** A real calendar date written `ÅÅÅÅ-MM-DD` (a trailing period tolerated), as isCalendarDate decides. */
export function checkedDate(raw: string): Checked<string> {
  const match = DATE.exec(raw.trim());
  if (!match) return { problem: `”${shorten(raw.trim())}” är inget datum; skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2024-03-15.` };
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  return isCalendarDate(date) ? { value: date } : { problem: `Datumet ${date} finns inte i kalendern.` };
}

const TIME = /^(?:kl\.?\s*)?(\d{1,2})[.:](\d{2})\.?$/i;

/** `kl. 9.00`, `kl 09:00`, `14.30` → `HH.MM`. */
export function checkedTime(raw: string): Checked<string> {
  const match = TIME.exec(raw.trim());
  const [hours, minutes] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!match || hours > 23 || minutes > 59) {
    return { problem: `”${shorten(raw.trim())}” är inget klockslag; skriv tiden som kl. HH.MM, t.ex. kl. 16.00.` };
  }
  return { value: `${String(hours).padStart(2, '0')}.${match[2]}` };
}

/** A positive whole number (at most 6 digits). */
export function positiveInteger(raw: string): number | null {
  return /^\d{1,6}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** For quoting user text in a message. */
export const shorten = (text: string, max = 40): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
