/**
 * Following a calendar by its changes instead of reading it whole at every run. Graph's
 * `calendarView/delta` works in rounds over a fixed window: the first request of a round gives
 * every event in the window, later requests with the round's delta link give only what changed
 * since — an event as it now is, or its id as removed (deleted, or moved out of the window).
 * The window is fixed by the link, so it is chosen with room to spare (FOLLOW_SLACK_MS) and a new
 * round starts when the view a run needs no longer fits in it.
 *
 *   followWindow(now, horizonMs) → the window of a new round starting at `now`
 *   covers(window, now, until)   → whether a round's window still holds the view [now, until)
 *   applyChanges(known, changes, window) → the events now known, and what to store of the change
 *   inView(events, from, to)     → the events overlapping [from, to) in start order, as calendarView gives them
 */
import type { CalendarEvent } from './calendar';
import type { IsoTime } from './model';

export interface CalendarWindow {
  from: IsoTime;
  to: IsoTime;
}

export type CalendarChange =
  | { kind: 'event'; event: CalendarEvent }
  /** deleted, or no longer in the window (Graph says `@removed` for both) */
  | { kind: 'removed'; eventId: string };

/** One finished round of requests: its changes in the order Graph gave them, and the link to ask next. */
export interface CalendarChanges {
  /** a new round: `changes` is the whole window, and whatever was known before is forgotten */
  fresh: boolean;
  window: CalendarWindow;
  changes: CalendarChange[];
  deltaLink: string;
}

/** The state a group's calendar is followed from: the link of the last round, and its window. */
export interface FollowedRound {
  deltaLink: string;
  window: CalendarWindow;
}

const DAY_MS = 86_400_000;
/**
 * How much further than the view a round's window reaches. A day: one new round (a full read of
 * the window) per group and day, and the rest of the day's runs ask only for changes.
 */
export const FOLLOW_SLACK_MS = DAY_MS;

/** A new round's window: from the start of today (UTC) to the view's end plus the slack. */
export function followWindow(now: IsoTime, horizonMs: number): CalendarWindow {
  const from = Math.floor(Date.parse(now) / DAY_MS) * DAY_MS;
  return { from: new Date(from).toISOString(), to: new Date(from + horizonMs + FOLLOW_SLACK_MS).toISOString() };
}

export function covers(window: CalendarWindow, now: IsoTime, until: IsoTime): boolean {
  return Date.parse(window.from) <= Date.parse(now) && Date.parse(until) <= Date.parse(window.to);
}

const overlaps = (event: CalendarEvent, from: IsoTime, to: IsoTime) =>
  Date.parse(event.endsAt) > Date.parse(from) && Date.parse(event.startsAt) < Date.parse(to);

export function inView(events: Iterable<CalendarEvent>, from: IsoTime, to: IsoTime): CalendarEvent[] {
  return [...events].filter((e) => overlaps(e, from, to)).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

export interface Applied {
  /** every event known in the window after the changes */
  events: CalendarEvent[];
  /** what to write: events new or changed, and ids to forget */
  upserts: CalendarEvent[];
  removed: string[];
}

/**
 * The known events with a round's changes applied in order (the same event may come twice; the
 * later wins, and a replayed change is harmless). An event reported outside the window is
 * forgotten like a removed one: Graph reports such events as removed too, and the window's edge
 * is where the round stops looking.
 */
export function applyChanges(known: readonly CalendarEvent[], changes: CalendarChanges): Applied {
  const events = new Map(changes.fresh ? [] : known.map((e) => [e.id, e]));
  const upserts = new Map<string, CalendarEvent>();
  const removed = new Set<string>();
  for (const change of changes.changes) {
    const id = change.kind === 'event' ? change.event.id : change.eventId;
    if (change.kind === 'event' && overlaps(change.event, changes.window.from, changes.window.to)) {
      events.set(id, change.event);
      upserts.set(id, change.event);
      removed.delete(id);
    } else {
      events.delete(id);
      upserts.delete(id);
      removed.add(id);
    }
  }
  return { events: [...events.values()], upserts: [...upserts.values()], removed: [...removed] };
}
