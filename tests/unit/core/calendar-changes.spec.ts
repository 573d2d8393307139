/**
 * Following a calendar by its changes (core/calendar-changes.ts): a round's window reaches a day
 * past the view, a window that no longer holds the view is not reused, and a round's changes
 * applied in order give the calendar as it is, with exactly what to write.
 */
import type { CalendarEvent } from '../../../bot/src/core/calendar';
import { applyChanges, covers, followWindow, inView, type CalendarChanges } from '../../../bot/src/core/calendar-changes';

const DAY = 86_400_000;
const FORTNIGHT = 14 * DAY;

function event(id: string, startsAt: string, hours = 2, subject = id): CalendarEvent {
  return {
    id, subject, startsAt, endsAt: new Date(Date.parse(startsAt) + hours * 3_600_000).toISOString(), isCancelled: false, joinUrl: null,
    location: null, body: { contentType: 'text', content: '' }, organizer: null, attendees: [],
  };
}

const WINDOW = followWindow('2024-03-05T13:20:00.000Z', FORTNIGHT);
const changes = (fresh: boolean, list: CalendarChanges['changes']): CalendarChanges => ({ fresh, window: WINDOW, changes: list, deltaLink: '/users/x/calendarView/delta?$deltatoken=t' });

describe('the window of a round', () => {
  it('starts at the start of the day and reaches a day past the view', () => {
    expect(WINDOW).toEqual({ from: '2024-03-05T00:00:00.000Z', to: '2024-03-20T00:00:00.000Z' });
  });

  it.each([
    ['the same day, later', '2024-03-05T23:55:00.000Z', true],
    ['at the start of the day', '2024-03-05T00:00:00.000Z', true],
    ['the next day: the view reaches past the window', '2024-03-06T00:05:00.000Z', false],
    ['before the window', '2024-03-04T23:00:00.000Z', false],
  ])('%s → holds the view: %s', (_, now, held) => {
    expect(covers(WINDOW, now, new Date(Date.parse(now) + FORTNIGHT).toISOString())).toBe(held);
  });
});

describe('applying a round', () => {
  const monday = event('a', '2024-03-11T08:00:00.000Z');
  const tuesday = event('b', '2024-03-12T08:00:00.000Z');

  it('a new round replaces whatever was known', () => {
    const applied = applyChanges([monday], changes(true, [{ kind: 'event', event: tuesday }]));
    expect(applied.events.map((e) => e.id)).toEqual(['b']);
    expect(applied.upserts.map((e) => e.id)).toEqual(['b']);
  });

  it('changes since a link: edited, added and removed, the rest kept as known', () => {
    const edited = { ...tuesday, subject: 'ny rubrik' };
    const added = event('c', '2024-03-14T08:00:00.000Z');
    const applied = applyChanges([monday, tuesday], changes(false, [{ kind: 'event', event: edited }, { kind: 'event', event: added }, { kind: 'removed', eventId: 'a' }]));
    expect(applied.events.map((e) => [e.id, e.subject])).toEqual([['b', 'ny rubrik'], ['c', 'c']]);
    expect(applied.upserts.map((e) => e.id)).toEqual(['b', 'c']);
    expect(applied.removed).toEqual(['a']);
  });

  it('the same event twice: the later change wins; an event outside the window is forgotten like a removed one', () => {
    const movedOut = { ...monday, startsAt: '2024-04-20T08:00:00.000Z', endsAt: '2024-04-20T10:00:00.000Z' };
    const applied = applyChanges([monday, tuesday], changes(false, [
      { kind: 'removed', eventId: 'b' }, { kind: 'event', event: tuesday }, { kind: 'event', event: movedOut },
    ]));
    expect(applied.events.map((e) => e.id)).toEqual(['b']);
    expect(applied.upserts.map((e) => e.id)).toEqual(['b']);
    expect(applied.removed).toEqual(['a']);
  });

  it('a replayed change changes nothing', () => {
    const once = applyChanges([monday], changes(false, [{ kind: 'event', event: tuesday }]));
    const twice = applyChanges(once.events, changes(false, [{ kind: 'event', event: tuesday }]));
    expect(twice.events).toEqual(once.events);
  });

  it('the view: events overlapping it, in start order, as calendarView gives them', () => {
    const running = event('r', '2024-03-05T12:00:00.000Z', 3);
    const over = event('o', '2024-03-05T08:00:00.000Z', 1);
    expect(inView([tuesday, running, over, monday], '2024-03-05T13:20:00.000Z', '2024-03-12T00:00:00.000Z').map((e) => e.id)).toEqual(['r', 'a']);
  });
});
