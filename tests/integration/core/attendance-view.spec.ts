/**
 * `närvaro` on a real store: present and absent per huvudman with partial-presence marks, övriga
 * deltagare and beslutförhet, for the running meeting or else the latest one held.
 */
import { attendanceView } from '../../../bot/src/core/use-cases/attendance-view';
import { endMeeting, goToItem, nextItem, startMeeting } from '../../../bot/src/core/use-cases/meeting-flow';
import { recordParticipantEvent } from '../../../bot/src/core/use-cases/attendance';
import type { GroupSettings } from '../../../bot/src/core/ports';
import { at, describeUseCase, expectDomainError } from '../../support/use-case-fixture';

describeUseCase('attendance view', (fx) => {
  /**
   * § 1 from 09.00, § 2 from 09.10, § 3 A from 09.20, § 4 B from 09.40 (and § 5 from 10.00 when `to`
   * is later). Mats, Carina, Sandra and Anna-Karin join at 08.58, Anna-Karin leaves at 09.30;
   * Rebecca joins at 09.25; Tina (a guest) is there 09.05–09.50.
   */
  async function meeting(settings: GroupSettings, to: number) {
    const g = await fx.group(settings);
    const held = await fx.runningMeeting(g, { items: ['A', 'B'], joined: ['mats', 'carina', 'sandra', 'anna'] });
    const guest = (kind: 'join' | 'leave', minute: number) => fx.run((repos) => recordParticipantEvent(repos, g.group, { aadObjectId: null, name: 'Tina Olsson' }, kind, at(minute)));
    await guest('join', 5);
    for (const minute of [10, 20, 40, 60].filter((m) => m <= to)) await fx.run((repos) => nextItem(repos, g.ctx(minute)));
    await fx.join(g, 'rebecca', 25);
    await fx.join(g, 'anna', 30, 'leave');
    await guest('leave', 50);
    return { g, held };
  }

  const rows = (view: Awaited<ReturnType<typeof attendanceView>>) =>
    view.principals.map((p) => [p.principal, p.members.map((m) => [m.name, m.presentNow, m.attended, m.partialPresence, m.counts])]);

  it('during the meeting: who is here now, and for which paragraphs so far', async () => {
    const { g, held } = await meeting({ numberingStyle: 'year' }, 40);
    const view = await fx.run((repos) => attendanceView(repos, g.group, at(45)));
    expect(view.meetingId).toBe(held.id);
    expect(rows(view)).toEqual([
      ['Karlshamns kommun', [['Rebecca Welander', true, true, '(§§3 - 4)', true]]],
      ['Region Blekinge', [
        ['Carina Ingemansson', true, true, '', true],
        ['Mats Wennstig', true, true, '', true],
        ['Sandra Johansson', true, true, '', false],
      ]],
      ['Ronneby kommun', [['Anna-Karin Åkesson', false, true, '(§§1 - 3)', true]]],
    ]);
    expect(view.others).toEqual([{ name: 'Tina Olsson', presentNow: true }]);
    expect(view.quorum.quorate).toBe(false);
    expect(view.quorumLine).toBe('Inte beslutsför: Ronneby kommun 0 av 1 (krävs 1), Karlshamns kommun 1 av 1, Region Blekinge 2 av 2');
  });

  // With `§ 12/24` numbering the marks name the paragraphs without the year, as the protokoll does.
  it('after the meeting: "now" is when it ended, and every visited paragraph counts', async () => {
    const { g } = await meeting({ numberingStyle: 'year-suffix' }, 60);
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    const view = await fx.run((repos) => attendanceView(repos, g.group, at(300)));
    expect(rows(view)).toEqual([
      ['Karlshamns kommun', [['Rebecca Welander', true, true, '(§§3 - 5)', true]]],
      ['Region Blekinge', [
        ['Carina Ingemansson', true, true, '', true],
        ['Mats Wennstig', true, true, '', true],
        ['Sandra Johansson', true, true, '', false],
      ]],
      ['Ronneby kommun', [['Anna-Karin Åkesson', false, true, '(§§1 - 3)', true]]],
    ]);
    expect(view.others).toEqual([{ name: 'Tina Olsson', presentNow: false }]);
  });

  it('with per-meeting numbering a partial presence reads "(del av mötet)"; someone never there is unmarked', async () => {
    const g = await fx.group();
    await fx.runningMeeting(g, { items: ['A'], joined: ['mats', 'carina', 'anna'] });
    await fx.run((repos) => goToItem(repos, g.ctx(10), 3, null));
    await fx.join(g, 'anna', 8, 'leave');
    await fx.run((repos) => endMeeting(repos, g.ctx(30)));
    const view = await fx.run((repos) => attendanceView(repos, g.group, at(40)));
    const members = view.principals.flatMap((p) => p.members);
    expect(members.find((m) => m.name === 'Anna-Karin Åkesson')).toMatchObject({ attended: true, partialPresence: '(del av mötet)', presentNow: false });
    expect(members.find((m) => m.name === 'Rebecca Welander')).toMatchObject({ attended: false, partialPresence: '', presentNow: false });
    expect(members.find((m) => m.name === 'Mats Wennstig')).toMatchObject({ attended: true, partialPresence: '' });
    expect(view.others).toEqual([]);
  });

  it('a person only in the attendance report is an övrig deltagare', async () => {
    const g = await fx.group();
    const held = await fx.runningMeeting(g);
    await fx.repos.attendance.addReportInterval(held.id, { memberId: null, displayName: 'Kim Berg', aadObjectId: null, joinedAt: at(5), leftAt: at(15) });
    expect((await fx.run((repos) => attendanceView(repos, g.group, at(10)))).others).toEqual([{ name: 'Kim Berg', presentNow: true }]);
    expect((await fx.run((repos) => attendanceView(repos, g.group, at(20)))).others).toEqual([{ name: 'Kim Berg', presentNow: false }]);
  });

  it('prefers the running meeting to an earlier one held; a planned meeting is not shown', async () => {
    const g = await fx.group();
    const first = await fx.runningMeeting(g);
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    await fx.plan(g, ['Nästa gång']);
    expect((await fx.run((repos) => attendanceView(repos, g.group, at(200)))).meetingId).toBe(first.id);
    const second = (await fx.run((repos) => startMeeting(repos, g.ctx(60 * 24)))).data!.meeting;
    expect((await fx.run((repos) => attendanceView(repos, g.group, at(60 * 24 + 1)))).meetingId).toBe(second.id);
  });

  it('with no meeting held (only a planned one): conflict', async () => {
    const g = await fx.group();
    await fx.plan(g, ['A']);
    await expectDomainError(fx.run((repos) => attendanceView(repos, g.group, at(0))), 'conflict', 'Inget möte har hållits ännu i den här gruppen. Skriv `starta` när mötet börjar.');
  });
});
