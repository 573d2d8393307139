/**
 * The Graph calendar source following a user's calendar with calendarView/delta, over HTTP against
 * the loopback Entra ID and Graph stand-ins: a new round pages with @odata.nextLink and ends with a
 * delta link; from that link only the changes come (edited events as they are, deleted and
 * moved-out events as `@removed`); a link Graph no longer knows (410 Gone) starts a new round;
 * a Microsoft 365 group's calendar, which v1.0 cannot follow, is left to calendarView.
 */
import { createLogger } from '../../../bot/src/logger';
import type { CalendarRef } from '../../../bot/src/core/calendar';
import { followWindow, type CalendarChanges } from '../../../bot/src/core/calendar-changes';
import { GraphClient } from '../../../bot/src/graph/graph-client';
import { GraphCalendarSource } from '../../../bot/src/graph/graph-calendar.source';
import { MsalTokenProvider } from '../../../bot/src/graph/msal-token.provider';
import { graphScope } from '../../../bot/src/graph/msal-configuration';
import { useGraphStandIns } from '../../support/graph-stand-ins';
import { fixtureEvents } from './calendar-scenario';

const SANDRA: CalendarRef = { kind: 'user', id: 'sandra.johansson@regionblekinge.se' };
const WINDOW = followWindow('2024-03-10T06:00:00.000Z', 14 * 86_400_000);
const utc = (iso: string) => ({ dateTime: iso.replace('Z', '0000'), timeZone: 'UTC' });

describe('following a calendar with calendarView/delta', () => {
  const { graph, entra } = useGraphStandIns();
  let source: GraphCalendarSource;
  let link: string;
  const bySubject = (pattern: RegExp) => fixtureEvents().find((e) => pattern.test(e.subject));
  const [cancelled, onSite, meeting] = [bySubject(/^Inställt/), bySubject(/^Planering/), bySubject(/sammanträde$/)];

  beforeAll(() => {
    graph.setCalendar('users', SANDRA.id, fixtureEvents());
    const tokens = new MsalTokenProvider(
      { clientId: entra.clientId, tenantId: entra.tenantId, authority: entra.url, clientSecret: entra.clientSecret, certificate: null },
      graphScope(graph.url),
      createLogger('silent'),
    );
    source = new GraphCalendarSource(new GraphClient({ baseUrl: graph.url, tokens, retryDelaySeconds: 0 }));
  });

  const summary = (changes: CalendarChanges | null) => changes?.changes.map((c) => (c.kind === 'event' ? `${c.event.id}: ${c.event.subject}` : `removed ${c.eventId}`));
  const callsOf = async <T>(work: () => Promise<T>) => {
    const before = graph.calls.length;
    const value = await work();
    return { value, calls: graph.calls.slice(before) };
  };

  it('a new round: every event in the window, page by page, ending with a delta link', async () => {
    const { value, calls } = await callsOf(() => source.changes(SANDRA, null, WINDOW));
    expect(calls.map((c) => [c.path, c.status])).toEqual([
      ['/v1.0/users/sandra.johansson@regionblekinge.se/calendarView/delta', 200],
      ['/v1.0/users/sandra.johansson@regionblekinge.se/calendarView/delta', 200],
    ]);
    expect(calls[0]!.query.get('startDateTime')).toBe(WINDOW.from);
    expect(calls[0]!.query.get('endDateTime')).toBe(WINDOW.to);
    expect(calls[0]!.query.has('$select')).toBe(false);
    expect(calls[0]!.prefer).toMatch(/outlook\.timezone="UTC".*odata\.maxpagesize=50/);
    expect(calls[1]!.query.get('$skiptoken')).toBeTruthy();
    expect(value).toMatchObject({ fresh: true, window: WINDOW });
    expect(summary(value)).toEqual([
      `${cancelled.id}: Inställt: Samverkansgrupp att åldras – extra möte`,
      `${onSite.id}: Planering med kansliet (på plats)`,
      `${meeting.id}: Samverkansgrupp att åldras – sammanträde`,
    ]);
    expect(value!.deltaLink).toMatch(/^\/users\/sandra\.johansson%40regionblekinge\.se\/calendarView\/delta\?\$deltatoken=/);
    link = value!.deltaLink;
  });

  it('from the delta link, with nothing changed: one request, no events', async () => {
    const { value, calls } = await callsOf(() => source.changes(SANDRA, link, WINDOW));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query.get('$deltatoken')).toBeTruthy();
    expect(value).toMatchObject({ fresh: false, changes: [] });
    link = value!.deltaLink;
  });

  it('only the changes: the edited event as it is, the deleted one and the one moved out of the window as removed', async () => {
    graph.updateEvent('users', SANDRA.id, meeting.id, { subject: 'Samverkansgrupp att åldras – ändrad' });
    graph.removeEvent('users', SANDRA.id, cancelled.id);
    graph.updateEvent('users', SANDRA.id, onSite.id, { start: utc('2024-05-02T08:00:00.000Z'), end: utc('2024-05-02T09:00:00.000Z') });
    const { value, calls } = await callsOf(() => source.changes(SANDRA, link, WINDOW));
    // three changes at the stand-in's two a page
    expect(calls.map((c) => [...c.query.keys()])).toEqual([['$deltatoken'], ['$skiptoken']]);
    expect(value!.fresh).toBe(false);
    expect(summary(value)!.sort()).toEqual([`${meeting.id}: Samverkansgrupp att åldras – ändrad`, `removed ${cancelled.id}`, `removed ${onSite.id}`].sort());
    link = value!.deltaLink;
  });

  it('a link Graph no longer knows (410 Gone): a new round over the same window', async () => {
    graph.delta.expireTokens();
    const { value, calls } = await callsOf(() => source.changes(SANDRA, link, WINDOW));
    expect(calls.map((c) => c.status)).toEqual([410, 200]);
    expect(calls[1]!.query.get('startDateTime')).toBe(WINDOW.from);
    expect(value).toMatchObject({ fresh: true, window: WINDOW });
    expect(summary(value)).toEqual([`${meeting.id}: Samverkansgrupp att åldras – ändrad`]);
  });

  it('a Microsoft 365 group’s calendar cannot be followed in v1.0: no request, read whole instead', async () => {
    const { value, calls } = await callsOf(() => source.changes({ kind: 'group', id: '02bd9fd6-8f93-4758-87c3-1fb73740a315' }, null, WINDOW));
    expect(value).toBeNull();
    expect(calls).toEqual([]);
  });
});
