/**
 * `dagordning` on a real store: the numbered agenda of the next (or current) meeting as the agenda
 * card shows it, with labels per numbering style, the current paragraph and carried-over items.
 */
import { agendaView } from '../../../bot/src/core/use-cases/agenda-view';
import { goToItem } from '../../../bot/src/core/use-cases/meeting-flow';
import { openMeetingFor } from '../../../bot/src/core/use-cases/open-meeting';
import { setSection } from '../../../bot/src/core/use-cases/agenda-edit';
import { at, describeUseCase } from '../../support/use-case-fixture';

describeUseCase('agenda view', (fx) => {
  it('with no meeting yet: a new planned meeting, "Datum ej bestämt", the standard items', async () => {
    const g = await fx.group();
    const view = await fx.run((repos) => agendaView(repos, g.group, at(0)));
    const [meeting] = await fx.meetings(g);
    expect(view).toMatchObject({ meetingId: meeting!.id, groupName: g.group.name, dateLine: 'Datum ej bestämt', status: 'planerat' });
    expect(view.entries.map((e) => [e.label, e.title, e.current, e.carriedOver, e.subPoints])).toEqual([
      ['1.', 'Godkännande av dagordning', false, false, []],
      ['2.', 'Föregående sammanträdesprotokoll', false, false, []],
      ['3.', 'Övriga frågor', false, false, []],
      ['4.', 'Nästa sammanträde', false, false, []],
    ]);
  });

  it('a scheduled meeting shows its date; reading the view twice creates nothing', async () => {
    const g = await fx.group();
    await fx.run((repos) => openMeetingFor(repos, g.group, at(-600), { startsAt: '2021-01-18T12:00:00.000Z' }));
    const view = await fx.run((repos) => agendaView(repos, g.group, at(0)));
    expect(view.dateLine).toBe('Måndag den 18 januari 2021');
    await fx.run((repos) => agendaView(repos, g.group, at(1)));
    expect(await fx.meetings(g)).toHaveLength(1);
  });

  it.each([
    ['meeting', ['1.', '2.', '3.', '4.', '5.']],
    ['meeting-paren', ['1).', '2).', '3).', '4).', '5).']],
    ['year', ['§ 1', '§ 2', '§ 3', '§ 4', '§ 5']],
    ['year-suffix', ['§ 1/24', '§ 2/24', '§ 3/24', '§ 4/24', '§ 5/24']],
  ] as const)('labels with %s numbering: %j', async (style, labels) => {
    const g = await fx.group({ numberingStyle: style });
    await fx.plan(g, ['Vårdplatsflöde']);
    const view = await fx.run((repos) => agendaView(repos, g.group, at(0)));
    expect(view.entries.map((e) => e.label)).toEqual(labels);
  });

  it('during the meeting: its date, the current paragraph, tags, presenters, sections and sub-points', async () => {
    const g = await fx.group();
    await fx.plan(g, [['Vårdplatsflöde', 'I/D', ['Läkemedel', 'Sjukresor']]]);
    await fx.run((repos) => setSection(repos, g.ctx(-30), 'ÄRENDEN FÖR BESLUT'));
    await fx.plan(g, [['Budget 2024', 'D']]);
    const meeting = await fx.runningMeeting(g);
    const vard = (await fx.repos.agenda.list(meeting.id)).find((i) => i.title === 'Vårdplatsflöde')!;
    await fx.repos.agenda.update(meeting.id, vard.id, { presenters: ['Tina Olsson', 'Mats Wennstig'] });
    await fx.run((repos) => goToItem(repos, g.ctx(10), 3, 1));

    const view = await fx.run((repos) => agendaView(repos, g.group, at(11)));
    expect(view).toMatchObject({ meetingId: meeting.id, dateLine: 'Fredag den 16 februari 2024', status: 'pågår' });
    const entry = view.entries[2]!;
    expect(entry).toEqual({
      itemId: vard.id, label: '3.', title: 'Vårdplatsflöde', typeTag: 'I/D', presenters: ['Tina Olsson', 'Mats Wennstig'], section: null,
      current: false, carriedOver: false,
      subPoints: [
        { itemId: expect.any(String), label: 'a)', title: 'Läkemedel', typeTag: null, current: false },
        { itemId: expect.any(String), label: 'b)', title: 'Sjukresor', typeTag: null, current: true },
      ],
    });
    expect(view.entries[3]).toMatchObject({ label: '4.', title: 'Budget 2024', typeTag: 'D', section: 'ÄRENDEN FÖR BESLUT', current: false });
    expect(view.entries.filter((e) => e.current)).toEqual([]);

    await fx.run((repos) => goToItem(repos, g.ctx(12), 4, null));
    const moved = await fx.run((repos) => agendaView(repos, g.group, at(13)));
    expect(moved.entries.filter((e) => e.current).map((e) => e.title)).toEqual(['Budget 2024']);
    expect(moved.entries[2]!.subPoints.filter((s) => s.current)).toEqual([]);
  });

  it('marks items carried over from an earlier meeting', async () => {
    const g = await fx.group();
    const held = await fx.runningMeeting(g, { items: ['Vårdplatsflöde'] });
    const vard = (await fx.repos.agenda.list(held.id)).find((i) => i.title === 'Vårdplatsflöde')!;
    await fx.repos.agenda.update(held.id, vard.id, { outcome: 'postponed' });
    await fx.repos.meetings.update(g.group.id, held.id, { status: 'utkast', endedAt: at(90) });
    const view = await fx.run((repos) => agendaView(repos, g.group, at(60 * 24)));
    expect(view.meetingId).not.toBe(held.id);
    expect(view.entries.map((e) => [e.title, e.carriedOver])).toEqual([
      ['Godkännande av dagordning', false], ['Föregående sammanträdesprotokoll', false], ['Vårdplatsflöde', true],
      ['Övriga frågor', false], ['Nästa sammanträde', false],
    ]);
  });
});
