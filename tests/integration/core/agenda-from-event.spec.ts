/**
 * The calendar invitation and the group's planned meeting, on a real store: which event a meeting
 * follows (and when it refuses one), moving with the invitation, and importing its agenda once.
 */
import type { CalendarEvent } from '../../../bot/src/core/calendar';
import { agendaDue, importEventAgenda, sameJoinUrl, syncUpcomingMeeting } from '../../../bot/src/core/use-cases/agenda-from-event';
import { addItem } from '../../../bot/src/core/use-cases/agenda-edit';
import { endMeeting, startMeeting } from '../../../bot/src/core/use-cases/meeting-flow';
import { openMeetingFor } from '../../../bot/src/core/use-cases/open-meeting';
import { at, describeUseCase, type GroupFixture } from '../../support/use-case-fixture';

const JOIN = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';
const INVITATION = [
  'Hej! Välkomna till mötet.', 'Dagordning',
  '1. Information från regionen (I) – Föredragande: Mats Wennstig',
  'ÄRENDEN FÖR BESLUT', '2. Budget 2024 (D)', 'a) Investeringar', 'b) Drift',
  '3. Övrigt', 'a) Parkering', '4. Val av justerare',
  '________________________________', 'Microsoft Teams-möte', '1. Inte en punkt',
].join('\n');

const event = (changes: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: 'event-1', subject: 'Samverkansgruppen', startsAt: at(0), endsAt: at(120), isCancelled: false, joinUrl: `${JOIN}?context=%7b%22Tid%22%7d`, location: null,
  body: { contentType: 'text', content: INVITATION }, organizer: { name: 'Sandra Johansson', email: null }, attendees: [], ...changes,
});

describeUseCase('agenda from the calendar', (fx) => {
  const linked = async (settings = {}): Promise<GroupFixture> => {
    const g = await fx.group(settings);
    await fx.repos.calendar.link(g.group.id, { kind: 'group', id: 'calendar-1' });
    return g;
  };
  const sync = (g: GroupFixture, e: CalendarEvent, minute = -2880) => fx.run((repos) => syncUpcomingMeeting(repos, g.group, e, at(minute)));

  it.each([
    [-48 * 60 - 1, false], [-48 * 60, true], [60, true], [120, false],
  ])('agendaDue 48 h ahead, at minute %s: %s', (minute, due) => {
    expect(agendaDue(event(), at(minute), 48)).toBe(due);
  });

  it.each([
    ['other query strings', true, `${JOIN}?context=a`, `${JOIN}?context=b&tenant=c`],
    ['encoded and decoded, any case', true, JOIN.replace('%3a', '%3A'), decodeURIComponent(JOIN)],
    ['another meeting', false, JOIN, JOIN.replace('abc', 'xyz')],
    ['no link', false, JOIN, null],
  ])('sameJoinUrl with %s → %s', (_case, same, a, b) => {
    expect(sameJoinUrl(a, b)).toBe(same);
  });

  it('a group without a calendar link gets nothing', async () => {
    const g = await fx.group();
    expect(await sync(g, event())).toBeNull();
    expect(await fx.meetings(g)).toEqual([]);
  });

  it('the next event becomes the planned meeting, once; moving the invitation moves the meeting', async () => {
    const g = await linked();
    const meeting = await sync(g, event());
    expect(meeting).toMatchObject({ status: 'planerat', startsAt: at(0), endsAt: at(120), joinUrl: event().joinUrl });
    expect(await fx.repos.calendar.eventOf(meeting!.id)).toBe('event-1');
    expect((await sync(g, event()))!.id).toBe(meeting!.id);
    const moved = await sync(g, event({ startsAt: at(60), endsAt: at(180), joinUrl: `${JOIN}?other=1` }));
    expect(moved).toMatchObject({ id: meeting!.id, startsAt: at(60), endsAt: at(180), joinUrl: event().joinUrl });
    expect(await fx.meetings(g)).toHaveLength(1);
  });

  it('yearly numbering follows an invitation moved into the next year', async () => {
    const g = await linked({ numberingStyle: 'year' });
    await fx.run((repos) => startMeeting(repos, g.ctx(0)));
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    const december = event({ startsAt: '2024-12-20T08:00:00.000Z', endsAt: '2024-12-20T10:00:00.000Z' });
    const meeting = await sync(g, december);
    expect((await fx.agenda(meeting!.id)).map(([n]) => n)).toEqual([5, 6, 7, 8]);
    await sync(g, { ...december, startsAt: '2025-01-10T08:00:00.000Z', endsAt: '2025-01-10T10:00:00.000Z' });
    expect((await fx.agenda(meeting!.id)).map(([n]) => n)).toEqual([1, 2, 3, 4]);
  });

  it('a meeting already running is not rescheduled by its invitation', async () => {
    const g = await linked();
    await sync(g, event());
    await fx.run((repos) => startMeeting(repos, g.ctx(3)));
    expect(await sync(g, event({ startsAt: at(30), endsAt: at(150) }), 4)).toMatchObject({ status: 'pågår', startsAt: at(0), endsAt: at(120) });
  });

  it.each([
    ['linked to another event', { eventId: 'event-0', joinUrl: null }],
    ['planned for another Teams meeting', { eventId: null, joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_other%40thread.v2/0' }],
  ])('an open meeting %s is left alone: null', async (_case, existing) => {
    const g = await linked();
    const { meeting } = await fx.run((repos) => openMeetingFor(repos, g.group, at(-5000), { joinUrl: existing.joinUrl }));
    if (existing.eventId) await fx.repos.calendar.attachEvent(g.group.id, meeting.id, existing.eventId);
    expect(await sync(g, event())).toBeNull();
    expect(await fx.repos.calendar.eventOf(meeting.id)).toBe(existing.eventId);
    expect((await fx.repos.meetings.findById(g.group.id, meeting.id))!.startsAt).toBeNull();
  });

  it('an open meeting with no link and no join URL adopts the event', async () => {
    const g = await linked();
    await fx.run((repos) => addItem(repos, g.ctx(-5000), 'Vårdplatsflöde', null));
    const meeting = await sync(g, event());
    expect(meeting).toMatchObject({ startsAt: at(0), joinUrl: event().joinUrl });
    expect(await fx.repos.calendar.eventOf(meeting!.id)).toBe('event-1');
  });

  it('an event whose meeting was already held does not start over', async () => {
    const g = await linked();
    await sync(g, event());
    await fx.run((repos) => startMeeting(repos, g.ctx(0)));
    await fx.run((repos) => endMeeting(repos, g.ctx(60)));
    expect(await sync(g, event(), 61)).toBeNull();
    expect((await fx.meetings(g)).map((m) => m.status)).toEqual(['utkast']);
  });

  it('imports the invitation once: standard items fill their slots, own items go before those added with ny punkt', async () => {
    const g = await linked();
    const meeting = await sync(g, event());
    await fx.run((repos) => addItem(repos, g.ctx(-2000), 'Vårdplatsflöde', null));
    expect(await fx.run((repos) => importEventAgenda(repos, g.group, meeting!, event(), at(-1000)))).toBe(true);
    const expected = [
      [1, 'Godkännande av dagordning'], [2, 'Föregående sammanträdesprotokoll'], [3, 'Val av justerare'], [4, 'Information från regionen'],
      [5, 'Budget 2024'], [null, 'Investeringar'], [null, 'Drift'], [6, 'Vårdplatsflöde'], [7, 'Övrigt'], [null, 'Parkering'], [8, 'Nästa sammanträde'],
    ];
    expect(await fx.agenda(meeting!.id)).toEqual(expected);
    const items = await fx.repos.agenda.list(meeting!.id);
    expect(items.find((i) => i.title === 'Information från regionen')).toMatchObject({ typeTag: 'I', presenters: ['Mats Wennstig'], section: null });
    expect(items.find((i) => i.title === 'Budget 2024')).toMatchObject({ typeTag: 'D', section: 'ÄRENDEN FÖR BESLUT' });
    expect(items.find((i) => i.title === 'Övrigt')).toMatchObject({ standardKind: 'other-business', section: null });
    expect(await fx.run((repos) => importEventAgenda(repos, g.group, meeting!, event(), at(-900)))).toBe(false);
    expect(await fx.agenda(meeting!.id)).toEqual(expected);
  });

  it('a running meeting\'s agenda is never rewritten by the invitation', async () => {
    const g = await linked();
    await sync(g, event());
    const running = (await fx.run((repos) => startMeeting(repos, g.ctx(0)))).data!.meeting;
    expect(await fx.run((repos) => importEventAgenda(repos, g.group, running, event(), at(1)))).toBe(false);
    expect((await fx.agenda(running.id)).map(([, t]) => t)).toEqual(['Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Övriga frågor', 'Nästa sammanträde']);
  });
});
