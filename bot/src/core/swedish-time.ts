/**
 * The one source of Swedish date and time phrases, always in Europe/Stockholm. The weekday is
 * always derived from the date itself, so "Fredagen den 16 februari 2023" on a 2024 protokoll
 * cannot happen. DST is handled by Intl, never by fixed offsets. Impossible input (`2024-02-30`,
 * `inte ett datum`) throws RangeError instead of printing a wrong date.
 *
 *   stockholmDate `2024-02-16` · stockholmYear · formatClock `13.00` · formatTimeOfDay `kl. 13.00`
 *   swedishWeekday `måndag` · formatLongDate `Måndag den 18 januari 2021`
 *   formatMeetingTime `Måndag den 18 januari 2021 kl. 13.00 – 16.00 via Teams` / `… 16.00, Sammanträdesrum Ekbacken`
 *   formatApprovalDeadline `Digital justering senast 2024-03-15 kl. 16.00`
 *   stockholmLocalToIso(date, `16.00`) → UTC instant · addDays   (what a valid date is: validators.ts)
 */
import type { IsoDate, IsoTime } from './model';
import { isCalendarDate } from './validators';

const ZONE = 'Europe/Stockholm';
const WEEKDAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function local(iso: IsoTime): LocalParts {
  // Say which value was bad (Intl's "Invalid time value" names nothing), and refuse `2024-02-30T…`,
  // which V8 would quietly roll over into March.
  const rolledOver = /^\d{4}-\d{2}-\d{2}T/.test(iso) && !isCalendarDate(iso.slice(0, 10));
  if (Number.isNaN(Date.parse(iso)) || rolledOver) throw new RangeError(`invalid instant ${JSON.stringify(iso)}`);
  const instant = Date.parse(iso);
  const shifted = new Date(instant + offsetMinutes(instant) * 60_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes() };
}

/**
 * Stockholm's offset from UTC in minutes at an instant, asked of Intl once per UTC hour: the offset
 * only changes on a whole UTC hour (01.00 UTC, at the switch to and from summer time), and asking
 * Intl costs microseconds per date, which a page of meetings or decisions pays dozens of times.
 */
const offsetByHour = new Map<number, number>();
const HOUR_MS = 3_600_000;

function offsetMinutes(instant: number): number {
  const hour = Math.floor(instant / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const parts = Object.fromEntries(partsFormat.formatToParts(new Date(hour * HOUR_MS)).map((p) => [p.type, p.value]));
    const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!);
    offset = Math.round((wall - hour * HOUR_MS) / 60_000);
    if (offsetByHour.size >= 10_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2024-02-16` (the Stockholm calendar date of an instant) */
export function stockholmDate(iso: IsoTime): IsoDate {
  const p = local(iso);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

export function stockholmYear(iso: IsoTime): number {
  return local(iso).year;
}

/** `13.00` */
export function formatClock(iso: IsoTime): string {
  const p = local(iso);
  return `${pad(p.hour)}.${pad(p.minute)}`;
}

/** `kl. 13.00` */
export function formatTimeOfDay(iso: IsoTime): string {
  return `kl. ${formatClock(iso)}`;
}

/**
 * A calendar date is taken as it is; an instant becomes its Stockholm date. An impossible date
 * such as `2024-02-30` is refused rather than rolled over into March with March's weekday.
 */
function calendarDate(value: IsoTime | IsoDate): [number, number, number] {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !isCalendarDate(value)) throw new RangeError(`invalid date ${value}`);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : stockholmDate(value);
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

/** `måndag` for an instant (its Stockholm date) or for a calendar date `YYYY-MM-DD`. */
export function swedishWeekday(value: IsoTime | IsoDate): string {
  const [y, m, d] = calendarDate(value);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

/** `Måndag den 18 januari 2021` */
export function formatLongDate(value: IsoTime | IsoDate): string {
  const [y, m, d] = calendarDate(value);
  const date = `${y}-${pad(m)}-${pad(d)}`;
  const weekday = swedishWeekday(date);
  return `${weekday[0]!.toUpperCase()}${weekday.slice(1)} den ${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * `Måndag den 18 januari 2021 kl. 13.00 – 16.00 via Teams`; without an end `… kl. 13.00 via Teams`;
 * a meeting that crosses midnight names both dates: `… kl. 22.00 – onsdag den 1 januari 2025 kl. 00.30 …`.
 * A room follows a comma, as the reference minutes write it (`kl. 15.00-17.00, Skype`):
 * `… 16.00, Sammanträdesrum Ekbacken, Ronneby rådhus`; a place that starts with a preposition
 * (`via Teams`, `i Länshuset`, `på …`) follows a space.
 */
export function formatMeetingTime(start: IsoTime, end: IsoTime | null, place: string): string {
  const trimmed = place.trim();
  const where = !trimmed ? '' : /^(?:via|i|på|hos)\s/iu.test(trimmed) ? ` ${trimmed}` : `, ${trimmed}`;
  if (!end) return `${formatLongDate(start)} ${formatTimeOfDay(start)}${where}`;
  if (stockholmDate(start) === stockholmDate(end)) {
    return `${formatLongDate(start)} ${formatTimeOfDay(start)} – ${formatClock(end)}${where}`;
  }
  return `${formatLongDate(start)} ${formatTimeOfDay(start)} – ${formatLongDate(end).toLowerCase()} ${formatTimeOfDay(end)}${where}`;
}

/** `Digital justering senast 2024-03-15 kl. 16.00` */
export function formatApprovalDeadline(iso: IsoTime): string {
  return `Digital justering senast ${stockholmDate(iso)} ${formatTimeOfDay(iso)}`;
}

/** Calendar arithmetic on `YYYY-MM-DD` (no time zone involved, so DST cannot shift it). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!isCalendarDate(date)) throw new RangeError(`invalid date ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/**
 * Stockholm wall-clock time (`16.00` or `16:00`) → UTC instant. Offsets are +02:00 or +01:00; the
 * one whose round trip gives the same wall time wins. Like Temporal's 'compatible' choice: a time
 * that occurs twice (autumn, 02.00–03.00) is its first occurrence, summer time; a time skipped in
 * spring (02.00–03.00) is moved forward by the hour (02.30 → 03.30).
 */
export function stockholmLocalToIso(date: IsoDate, time: string): IsoTime {
  const match = /^(\d{1,2})[.:](\d{2})$/.exec(time.trim());
  if (!isCalendarDate(date) || !match || +match[1]! > 23 || +match[2]! > 59) {
    throw new RangeError(`invalid Stockholm time ${date} ${time}`);
  }
  const wall = `${date}T${pad(+match[1]!)}:${match[2]}:00`;
  for (const offset of ['+02:00', '+01:00']) {
    const candidate = new Date(`${wall}${offset}`).toISOString();
    if (stockholmDate(candidate) === date && formatClock(candidate) === `${pad(+match[1]!)}.${match[2]}`) return candidate;
  }
  return new Date(`${wall}+01:00`).toISOString();
}
