/**
 * Everything recorded about one meeting, read in one go from a real store (the protokoll's input):
 * complete, in the store's order, presence from live events and the report, and scoped by group.
 */
import { loadMeetingRecord } from '../../../bot/src/core/use-cases/meeting-record';
import { addDecision, addNote } from '../../../bot/src/core/use-cases/record-minutes';
import { addAction } from '../../../bot/src/core/use-cases/record-action';
import { endMeeting, goToItem } from '../../../bot/src/core/use-cases/meeting-flow';
import { openMeetingFor } from '../../../bot/src/core/use-cases/open-meeting';
import { at, describeUseCase, expectDomainError } from '../../support/use-case-fixture';

describeUseCase('meeting record', (fx) => {
  it('holds the group, meeting, roster, agenda, visits, notes, decisions, actions and presence', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ['Vårdplatsflöde'], joined: ['mats', 'carina', 'rebecca', 'anna'] });
    await fx.run((repos) => goToItem(repos, g.ctx(10), 3, null));
    await fx.run((repos) => addNote(repos, g.ctx(11), 'Tina beskriver förstudien.'));
    await fx.run((repos) => addDecision(repos, g.ctx(12), 'godkänna planen'));
    await fx.run((repos) => addAction(repos, g.ctx(13), { text: 'Skicka ut planen', owner: 'Mats', dueDate: '2024-03-01' }));
    await fx.join(g, 'anna', 40, 'leave');
    await fx.repos.attendance.addReportInterval(meeting.id, { memberId: null, displayName: 'Tina Olsson', aadObjectId: null, joinedAt: at(5), leftAt: at(50) });
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));

    const record = await fx.run((repos) => loadMeetingRecord(repos, g.group, meeting.id, at(200)));
    const vard = record.items.find((i) => i.title === 'Vårdplatsflöde')!;
    expect(record.group).toEqual(g.group);
    expect(record.meeting).toMatchObject({ id: meeting.id, status: 'utkast', startedAt: at(0), endedAt: at(90) });
    expect(record.roster.map((m) => m.name)).toEqual(['Rebecca Welander', 'Carina Ingemansson', 'Mats Wennstig', 'Sandra Johansson', 'Anna-Karin Åkesson']);
    expect(record.items.map((i) => [i.number, i.title, i.outcome])).toEqual([
      [1, 'Godkännande av dagordning', 'open'], [2, 'Föregående sammanträdesprotokoll', 'open'], [3, 'Vårdplatsflöde', 'decided'],
      [4, 'Övriga frågor', 'open'], [5, 'Nästa sammanträde', 'open'],
    ]);
    expect(record.visits.map((v) => [v.itemId, v.openedAt])).toEqual([[record.items[0]!.id, at(0)], [vard.id, at(10)]]);
    expect(record.notes.map((n) => [n.itemId, n.text, n.createdAt])).toEqual([[vard.id, 'Tina beskriver förstudien.', at(11)]]);
    expect(record.decisions.map((d) => [d.itemId, d.clause, d.quorate])).toEqual([[vard.id, 'godkänna planen', true]]);
    expect(record.actions.map((a) => [a.itemId, a.text, a.ownerName, a.dueDate])).toEqual([[vard.id, 'Skicka ut planen', 'Mats Wennstig', '2024-03-01']]);
    expect(record.intervals.map((i) => [i.displayName, i.joinedAt, i.leftAt, i.source]).sort()).toEqual([
      ['Anna-Karin Åkesson', at(-2), at(40), 'live'],
      ['Carina Ingemansson', at(-2), null, 'live'],
      ['Mats Wennstig', at(-2), null, 'live'],
      ['Rebecca Welander', at(-2), null, 'live'],
      ['Tina Olsson', at(5), at(50), 'report'],
    ]);
  });

  it('holds only its own meeting\'s rows', async () => {
    const g = await fx.group();
    const first = await fx.runningMeeting(g, { items: ['A'], joined: ['mats'] });
    await fx.run((repos) => addNote(repos, g.ctx(1), 'Första mötet'));
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    const second = await fx.run((repos) => openMeetingFor(repos, g.group, at(60 * 24)));
    const record = await fx.run((repos) => loadMeetingRecord(repos, g.group, second.meeting.id, at(60 * 24)));
    expect(record.meeting.id).not.toBe(first.id);
    expect([record.visits, record.notes, record.decisions, record.actions, record.intervals]).toEqual([[], [], [], [], []]);
  });

  it('a leave with no join before it counts from the start; without a start, from the fallback time', async () => {
    const g = await fx.group();
    const { meeting } = await fx.run((repos) => openMeetingFor(repos, g.group, at(-60)));
    await fx.join(g, 'rebecca', 30, 'leave');
    const planned = await fx.run((repos) => loadMeetingRecord(repos, g.group, meeting.id, at(10)));
    expect(planned.intervals.map((i) => [i.displayName, i.joinedAt, i.leftAt])).toEqual([['Rebecca Welander', at(10), at(30)]]);
    await fx.repos.meetings.update(g.group.id, meeting.id, { startsAt: at(0) });
    const scheduled = await fx.run((repos) => loadMeetingRecord(repos, g.group, meeting.id, at(10)));
    expect(scheduled.intervals.map((i) => [i.joinedAt, i.leftAt])).toEqual([[at(0), at(30)]]);
  });

  it('another group\'s meeting, or none at all, is not found', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    const other = await fx.group();
    const message = 'Mötet finns inte, eller så hör det till en annan grupp.';
    await expectDomainError(fx.run((repos) => loadMeetingRecord(repos, other.group, meeting.id, at(0))), 'not-found', message);
    await expectDomainError(fx.run((repos) => loadMeetingRecord(repos, g.group, '00000000-0000-4000-8000-000000000000', at(0))), 'not-found', message);
  });
});
