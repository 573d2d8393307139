/**
 * `plats` and the invitation's room on a real store: which meeting the place belongs to (the running
 * one, else the draft being completed, else the next planned one), the calendar room stored when
 * the meeting is linked (never over a place the secretary set), and "Tid och plats" as the
 * protokoll prints it from what is stored.
 */
import type { CalendarEvent } from '../../../bot/src/core/calendar';
import { syncUpcomingMeeting } from '../../../bot/src/core/use-cases/agenda-from-event';
import { addItem } from '../../../bot/src/core/use-cases/agenda-edit';
import { endMeeting } from '../../../bot/src/core/use-cases/meeting-flow';
import { setPlace } from '../../../bot/src/core/use-cases/meeting-place';
import { loadMeetingRecord } from '../../../bot/src/core/use-cases/meeting-record';
import { openMeetingFor } from '../../../bot/src/core/use-cases/open-meeting';
import { toProtokollDocument } from '../../../bot/src/documents/protokoll.mapping';
import { at, describeUseCase, type GroupFixture } from '../../support/use-case-fixture';

const EKBACKEN = 'Sammanträdesrum Ekbacken, Ronneby rådhus';

const event = (location: string | null, changes: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: 'event-1', subject: 'Sammanträde', startsAt: at(0), endsAt: at(120), isCancelled: false,
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_room%40thread.v2/0', location,
  body: { contentType: 'text', content: '' }, organizer: null, attendees: [], ...changes,
});

describeUseCase('the meeting’s place', (fx) => {
  const placeOf = async (g: GroupFixture, meetingId: string) => (await fx.repos.meetings.findById(g.group.id, meetingId))!.place;
  const timeAndPlace = async (g: GroupFixture, meetingId: string) =>
    toProtokollDocument(await fx.run((repos) => loadMeetingRecord(repos, g.group, meetingId, at(200))), { status: 'utkast', version: 1, renderedAt: at(200) }).timeAndPlace;

  it('before the meeting: the next planned meeting (created when there is none), named by its date when it has one', async () => {
    const g = await fx.group();
    expect((await fx.run((repos) => setPlace(repos, g.ctx(-60), EKBACKEN))).text).toBe(`Platsen för nästa möte är nu ${EKBACKEN}.`);
    const [planned] = await fx.meetings(g);
    expect(planned).toMatchObject({ status: 'planerat', place: EKBACKEN });

    const dated = await fx.group();
    await fx.run((repos) => openMeetingFor(repos, dated.group, at(-100), { startsAt: at(0), endsAt: at(120) }));
    expect((await fx.run((repos) => setPlace(repos, dated.ctx(-60), 'Länshuset'))).text).toBe('Platsen för mötet 2024-02-16 är nu Länshuset.');
  });

  it('during the meeting: the running meeting, printed after the time with a comma and no "via Teams"', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ['Vårdplatsflöde'] });
    expect((await fx.run((repos) => setPlace(repos, g.ctx(5), EKBACKEN))).text).toBe(`Platsen för mötet är nu ${EKBACKEN}.`);
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    const line = await timeAndPlace(g, meeting.id);
    expect(line).toBe(`Fredag den 16 februari 2024 kl. 09.00 – 10.30, ${EKBACKEN}`);
    expect(line).not.toContain('via Teams');
  });

  it('after the meeting: the draft, not the next meeting already planned', async () => {
    const g = await fx.group();
    const held = await fx.runningMeeting(g, { items: ['Vårdplatsflöde'] });
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    await fx.run((repos) => addItem(repos, g.ctx(100), 'Nästa mötes ärende', null));
    const next = (await fx.meetings(g)).find((m) => m.status === 'planerat')!;
    expect((await fx.run((repos) => setPlace(repos, g.ctx(110), EKBACKEN))).text).toBe(`Platsen i protokollutkastet är nu ${EKBACKEN}.`);
    expect(await placeOf(g, held.id)).toBe(EKBACKEN);
    expect(await placeOf(g, next.id)).toBe('via Teams');
  });

  it('a meeting without a room is "via Teams", after a space', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    expect(await timeAndPlace(g, meeting.id)).toBe('Fredag den 16 februari 2024 kl. 09.00 – 10.30 via Teams');
  });

  describe('from the calendar invitation', () => {
    const linked = async (): Promise<GroupFixture> => {
      const g = await fx.group();
      await fx.repos.calendar.link(g.group.id, { kind: 'group', id: 'calendar-1' });
      return g;
    };
    const sync = (g: GroupFixture, e: CalendarEvent) => fx.run((repos) => syncUpcomingMeeting(repos, g.group, e, at(-2880)));

    it('a meeting made from the invitation takes its room; one without a room stays "via Teams"', async () => {
      const g = await linked();
      expect(await sync(g, event(EKBACKEN))).toMatchObject({ status: 'planerat', place: EKBACKEN });
      const online = await linked();
      expect(await sync(online, event(null))).toMatchObject({ place: 'via Teams' });
    });

    it('a planned meeting linked to the invitation later takes its room', async () => {
      const g = await linked();
      const { meeting } = await fx.run((repos) => openMeetingFor(repos, g.group, at(-5000)));
      expect(await sync(g, event(EKBACKEN))).toMatchObject({ id: meeting.id, place: EKBACKEN });
    });

    it('a place set with plats wins over the invitation’s room', async () => {
      const g = await linked();
      await fx.run((repos) => setPlace(repos, g.ctx(-5000), 'Länshuset, Karlskrona'));
      const meeting = await sync(g, event(EKBACKEN));
      expect(meeting).toMatchObject({ place: 'Länshuset, Karlskrona' });
      // and so does a room set once: a later sync (the invitation moved) keeps it
      await fx.run((repos) => setPlace(repos, g.ctx(-4000), 'Rådhuset'));
      expect(await sync(g, event(EKBACKEN, { startsAt: at(30), endsAt: at(150) }))).toMatchObject({ place: 'Rådhuset', startsAt: at(30) });
    });

    it('while planned, the place follows the invitation’s room: added, changed, removed', async () => {
      const g = await linked();
      expect(await sync(g, event(null))).toMatchObject({ place: 'via Teams', placeSetBySecretary: false });
      expect(await sync(g, event(EKBACKEN))).toMatchObject({ place: EKBACKEN });
      expect(await sync(g, event('Kungsmarken'))).toMatchObject({ place: 'Kungsmarken' });
      expect(await sync(g, event(null))).toMatchObject({ place: 'via Teams' });
    });

    it('a place typed with plats is never overwritten by a later edit of the invitation, nor is the place of a meeting held', async () => {
      const g = await linked();
      await sync(g, event(EKBACKEN));
      await fx.run((repos) => setPlace(repos, g.ctx(-5000), 'Länshuset, Karlskrona'));
      for (const edited of [event('Kungsmarken'), event(null), event(EKBACKEN, { body: { contentType: 'text', content: '1. Ny punkt' } })]) {
        expect(await sync(g, edited)).toMatchObject({ place: 'Länshuset, Karlskrona', placeSetBySecretary: true });
      }
      const held = await linked();
      const meeting = (await sync(held, event(EKBACKEN)))!;
      await fx.runningMeeting(held);
      expect(await sync(held, event('Kungsmarken'))).toMatchObject({ id: meeting.id, status: 'pågår', place: EKBACKEN });
    });

    it('a meeting from before migration 0025 (not known who set its place): a place other than "via Teams" counts as typed', async () => {
      const g = await linked();
      const typed = (await sync(g, event(EKBACKEN)))!;
      await fx.db.updateTable('meetings').set({ place: 'Länshuset', place_set_by_secretary: null as unknown as boolean }).where('id', '=', typed.id).execute();
      expect(await sync(g, event('Kungsmarken'))).toMatchObject({ place: 'Länshuset', placeSetBySecretary: true });
      await fx.db.updateTable('meetings').set({ place: 'via Teams', place_set_by_secretary: null as unknown as boolean }).where('id', '=', typed.id).execute();
      expect(await sync(g, event('Kungsmarken'))).toMatchObject({ place: 'Kungsmarken', placeSetBySecretary: false });
    });

    it('the room is printed in the protokoll of the meeting held', async () => {
      const g = await linked();
      const meeting = (await sync(g, event(EKBACKEN)))!;
      await fx.runningMeeting(g);
      await fx.run((repos) => endMeeting(repos, g.ctx(90)));
      expect(await timeAndPlace(g, meeting.id)).toBe(`Fredag den 16 februari 2024 kl. 09.00 – 10.30, ${EKBACKEN}`);
    });
  });
});
