/**
 * "The next (or current) meeting" on a real store: a new planned meeting gets the standard items and
 * what earlier meetings carry over (postponed items, actions due soon); an open one is reused as it is.
 */
import { FOLLOW_UP_WITHIN_DAYS, findOpenMeeting, openMeetingFor } from '../../../bot/src/core/use-cases/open-meeting';
import { endMeeting } from '../../../bot/src/core/use-cases/meeting-flow';
import { at, describeUseCase, type GroupFixture, type UseCaseFixture } from '../../support/use-case-fixture';

const THREE_DAYS = 3 * 24 * 60;

/** A held meeting (ended at 10.30) with `Vårdplatsflöde` postponed and actions due at various dates. */
async function heldMeeting(fx: UseCaseFixture, g: GroupFixture) {
  const meeting = await fx.runningMeeting(g, { items: ['Vårdplatsflöde', 'Budget 2024'] });
  const items = await fx.repos.agenda.list(meeting.id);
  const vard = items.find((i) => i.title === 'Vårdplatsflöde')!;
  const budget = items.find((i) => i.title === 'Budget 2024')!;
  await fx.repos.agenda.update(meeting.id, vard.id, { outcome: 'postponed' });
  const action = (text: string, dueDate: string | null, ownerName: string | null) => fx.repos.actions.add({
    groupId: g.group.id, meetingId: meeting.id, itemId: budget.id, text, ownerMemberId: null, ownerName, dueDate, createdAt: at(30),
  });
  await action('Skicka ut planen', '2024-03-01', 'Mats Wennstig');
  await action('Boka lokal', '2024-02-10', null);
  await action('Ta fram underlag', '2024-03-20', 'Rebecca Welander'); // after the horizon
  await action('Fundera vidare', null, 'Carina Ingemansson'); // no due date: not followed up
  const done = await action('Redan klar', '2024-02-25', null);
  await fx.repos.actions.setStatus(g.group.id, done.id, 'done', 1);
  await fx.run((repos) => endMeeting(repos, g.ctx(90)));
  return { meeting, vard };
}

describeUseCase('the next meeting', (fx) => {
  it('a new planned meeting has the standard head and tail, numbered 1–4, and no date', async () => {
    const g = await fx.group();
    const open = await fx.run((repos) => openMeetingFor(repos, g.group, at(0)));
    expect(open.meeting).toMatchObject({ status: 'planerat', startsAt: null, startedAt: null, place: 'via Teams', currentItemId: null });
    expect(open.items.map((i) => [i.number, i.title, i.standardKind])).toEqual([
      [1, 'Godkännande av dagordning', 'approve-agenda'],
      [2, 'Föregående sammanträdesprotokoll', 'previous-minutes'],
      [3, 'Övriga frågor', 'other-business'],
      [4, 'Nästa sammanträde', 'next-meeting'],
    ]);
  });

  it('a group that elects justerare gets "Val av justerare samt tid för justering" last in the head', async () => {
    const g = await fx.group({ electsAdjuster: true });
    const open = await fx.run((repos) => openMeetingFor(repos, g.group, at(0)));
    expect(open.items.map((i) => i.title)).toEqual([
      'Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Val av justerare samt tid för justering', 'Övriga frågor', 'Nästa sammanträde',
    ]);
  });

  it('the schedule and Teams ids given are stored on the new meeting', async () => {
    const g = await fx.group();
    const schedule = { startsAt: at(0), endsAt: at(120), teamsMeetingId: 'teams-42', joinUrl: 'https://teams.example/join/42' };
    const open = await fx.run((repos) => openMeetingFor(repos, g.group, at(-600), schedule));
    expect(open.meeting).toMatchObject(schedule);
  });

  it('an open meeting is reused: same id, same items, the new schedule ignored', async () => {
    const g = await fx.group();
    const first = await fx.run((repos) => openMeetingFor(repos, g.group, at(0)));
    const again = await fx.run((repos) => openMeetingFor(repos, g.group, at(5), { startsAt: at(60) }));
    expect(again.meeting.id).toBe(first.meeting.id);
    expect(again.meeting.startsAt).toBeNull();
    expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect(await fx.meetings(g)).toHaveLength(1);
  });

  it('findOpenMeeting: null without one; the running meeting with its items once started', async () => {
    const g = await fx.group();
    expect(await fx.run((repos) => findOpenMeeting(repos, g.group))).toBeNull();
    const meeting = await fx.runningMeeting(g, { items: ['Vårdplatsflöde'] });
    const found = await fx.run((repos) => findOpenMeeting(repos, g.group));
    expect(found!.meeting).toMatchObject({ id: meeting.id, status: 'pågår' });
    expect(found!.items).toHaveLength(5);
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    expect(await fx.run((repos) => findOpenMeeting(repos, g.group))).toBeNull();
  });

  it(`carries over postponed items and open actions due within ${FOLLOW_UP_WITHIN_DAYS} days, earliest first`, async () => {
    const g = await fx.group();
    const { vard } = await heldMeeting(fx, g);
    const next = await fx.run((repos) => openMeetingFor(repos, g.group, at(THREE_DAYS))); // 2024-02-19: horizon 2024-03-04
    expect(await fx.agenda(next.meeting.id)).toEqual([
      [1, 'Godkännande av dagordning'],
      [2, 'Föregående sammanträdesprotokoll'],
      [3, 'Vårdplatsflöde'],
      [4, 'Uppföljning av åtgärder'],
      [null, 'Boka lokal (senast 2024-02-10)'],
      [null, 'Skicka ut planen (ansvarig Mats Wennstig, senast 2024-03-01)'],
      [5, 'Övriga frågor'],
      [6, 'Nästa sammanträde'],
    ]);
    const carried = next.items.filter((i) => i.carriedFromItemId !== null);
    expect(carried.map((i) => [i.title, i.carriedFromItemId, i.outcome])).toEqual([['Vårdplatsflöde', vard.id, 'open']]);
    expect(next.items.find((i) => i.title === 'Uppföljning av åtgärder')).toMatchObject({ typeTag: 'I', carriedFromItemId: null });
  });

  it('a postponed item is carried over once: the meeting after the next does not get it again', async () => {
    const g = await fx.group();
    await heldMeeting(fx, g);
    const next = await fx.run((repos) => openMeetingFor(repos, g.group, at(THREE_DAYS)));
    await fx.repos.meetings.update(g.group.id, next.meeting.id, { status: 'utkast', startedAt: at(THREE_DAYS) });
    const after = await fx.run((repos) => openMeetingFor(repos, g.group, at(THREE_DAYS * 2)));
    expect(after.items.map((i) => i.title)).not.toContain('Vårdplatsflöde');
    expect(after.items.map((i) => i.title)).toContain('Uppföljning av åtgärder'); // the actions are still open
  });

  it('carries nothing from another group', async () => {
    const g = await fx.group();
    await heldMeeting(fx, g);
    const other = await fx.group();
    const open = await fx.run((repos) => openMeetingFor(repos, other.group, at(THREE_DAYS)));
    expect(open.items.map((i) => i.title)).toEqual(['Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Övriga frågor', 'Nästa sammanträde']);
  });
});
