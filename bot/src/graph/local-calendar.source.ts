/**
 * Offline development: a JSON file (LOCAL_CALENDAR_FILE) stands in for Microsoft Graph, so
 * `npm start` without a tenant shows the whole flow — discovery, agenda before the meeting, RSVP
 * warning. Events are written exactly as Graph returns them (the same mapping reads both):
 *
 *   { "groups": { "<Microsoft 365 group id>": [ <event>, … ] },
 *     "users":  { "<organiser's e-mail>":     [ <event>, … ] } }
 *
 * The file is read on every call, so edits show at the next scheduler run.
 */
import fs from 'node:fs/promises';
import { CalendarUnavailable, describeCalendar, type CalendarEvent, type CalendarRef } from '../core/calendar';
import type { CalendarSource } from '../core/ports';
import type { IsoTime } from '../core/model';
import { toCalendarEvent } from './event.mapping';

export class LocalCalendarSource implements CalendarSource {
  constructor(private readonly file: string) {}

  async events(calendar: CalendarRef, from: IsoTime, to: IsoTime): Promise<CalendarEvent[]> {
    // The calendarView window: events that overlap [from, to).
    return (await this.all(calendar))
      .filter((e) => Date.parse(e.endsAt) > Date.parse(from) && Date.parse(e.startsAt) < Date.parse(to))
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  }

  /** An event taken out of the file counts as deleted. */
  async event(calendar: CalendarRef, eventId: string): Promise<CalendarEvent | null> {
    return (await this.all(calendar)).find((e) => e.id === eventId) ?? null;
  }

  private async all(calendar: CalendarRef): Promise<CalendarEvent[]> {
    const calendars = await this.read();
    const owner = calendar.kind === 'group' ? calendars.groups : calendars.users;
    const key = Object.keys(owner ?? {}).find((k) => k.toLowerCase() === calendar.id.toLowerCase());
    const raw = key === undefined ? undefined : owner?.[key];
    if (!Array.isArray(raw)) {
      throw new CalendarUnavailable('not-found', `${capitalised(describeCalendar(calendar))} finns inte i den lokala kalenderfilen ${this.file}.`);
    }
    try {
      return raw.map(toCalendarEvent);
    } catch (error) {
      throw new CalendarUnavailable('malformed', `Den lokala kalenderfilen ${this.file} har en händelse som inte ser ut som Microsoft Graphs: ${(error as Error).message}.`);
    }
  }

  private async read(): Promise<{ groups?: Record<string, unknown>; users?: Record<string, unknown> }> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch {
      throw new CalendarUnavailable('not-configured', `Den lokala kalenderfilen ${this.file} (LOCAL_CALENDAR_FILE) finns inte.`);
    }
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, Record<string, unknown>>;
    } catch {
      // reported below
    }
    throw new CalendarUnavailable('malformed', `Den lokala kalenderfilen ${this.file} är inte giltig JSON med "groups" och "users".`);
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
