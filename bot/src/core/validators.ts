/**
 * The checks every entrance shares (chat commands, card data, the tab's API, Graph payloads), kept
 * in one place so that a UUID, a date or a length limit means the same thing wherever it arrives.
 * Pure predicates and constants; each caller decides what a failed check says to the user.
 */

/** Longest title: an agenda item, a section heading, a deciding body, a roster title. */
export const MAX_TITLE_LENGTH = 300;
/** Longest name of a person (a member, a free-text owner, a presenter). */
export const MAX_NAME_LENGTH = 200;
/** Longest free text: a decision clause, an action, a note, a comment. */
export const MAX_TEXT_LENGTH = 10_000;

/** Earliest year a date may have; anything before is a typing mistake, not a meeting. */
export const MIN_DATE_YEAR = 1900;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID (GUID) in its canonical 8-4-4-4-12 hex form, either case; no braces, no spaces. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A Teams chat's conversation id as the meeting panel's context gives it: a thread id
 * (`19:meeting_X@thread.v2`), a channel meeting's reply chain with `;messageid=<n>`. At most 300
 * characters (real ones are about 80); the thread is letters, digits and the few marks of base64 and GUIDs.
 */
const TEAMS_CHAT_ID = /^19:[A-Za-z0-9._~=+!-]{1,250}@thread\.(?:v2|tacv2|skype)(?:;messageid=[1-9]\d{0,19})?$/;

export function isTeamsChatId(value: string): boolean {
  return value.length <= 300 && TEAMS_CHAT_ID.test(value);
}

/** A user principal name or e-mail address: what Teams reports for a person and what a roster entry is tied by. */
const EMAIL_ADDRESS = /^[^\s@<>"'(),;:]{1,64}@[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+$/i;

/** `local@domain.tld`, either case, at most 64 characters before the @; no display name, no spaces. */
export function isEmailAddress(value: string): boolean {
  return EMAIL_ADDRESS.test(value);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month (1–12) of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Exactly `YYYY-MM-DD` (what Input.Date sends and what the store keeps) naming a real day from MIN_DATE_YEAR on. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= MIN_DATE_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** True when the text holds a control character (tab and line breaks are text, not controls). */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** The text with those control characters removed (for input that is cleaned rather than refused). */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROLS, '');
}
