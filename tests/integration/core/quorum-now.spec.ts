/**
 * Beslutförhet at an instant, from what the store recorded: live joins and leaves, manual
 * corrections and the attendance report, under each quorum rule.
 */
import type { QuorumRule } from '../../../bot/src/core/model';
import { formatQuorumLine } from '../../../bot/src/core/quorum';
import { quorumAt } from '../../../bot/src/core/use-cases/quorum-now';
import { at, describeUseCase, type GroupFixture, type UseCaseFixture } from '../../support/use-case-fixture';

/**
 * Mats, Anna-Karin and Sandra join at 08.58 and Rebecca at 09.00; Carina joins at 09.10; Rebecca
 * leaves at 09.20, and the attendance report has her again from 09.25 to 09.50.
 */
async function recordedMeeting(fx: UseCaseFixture, rule: QuorumRule): Promise<GroupFixture & { meetingId: string }> {
  const g = await fx.group({ quorumRule: rule });
  const meeting = await fx.runningMeeting(g, { joined: ['mats', 'anna', 'sandra'] });
  await fx.join(g, 'rebecca', 0);
  await fx.join(g, 'carina', 10);
  await fx.join(g, 'rebecca', 20, 'leave');
  await fx.repos.attendance.addReportInterval(meeting.id, {
    memberId: g.members.rebecca.id, displayName: 'Rebecca Welander', aadObjectId: null, joinedAt: at(25), leftAt: at(50),
  });
  return { ...g, meetingId: meeting.id };
}

async function lineAt(fx: UseCaseFixture, g: GroupFixture & { meetingId: string }, minute: number) {
  const meeting = (await fx.repos.meetings.findById(g.group.id, g.meetingId))!;
  const quorum = await fx.run((repos) => quorumAt(repos, g.group, meeting, at(minute)));
  return [quorum.quorate, formatQuorumLine(quorum)];
}

describeUseCase('quorum now', (fx) => {
  it.each([
    [-5, false, 'Inte beslutsför: Karlshamns kommun 0 av 1 (krävs 1), Region Blekinge 0 av 2 (krävs 2), Ronneby kommun 0 av 1 (krävs 1)'],
    [0, false, 'Inte beslutsför: Region Blekinge 1 av 2 (krävs 2), Karlshamns kommun 1 av 1, Ronneby kommun 1 av 1'],
    [10, true, 'Beslutsför: Karlshamns kommun 1 av 1, Region Blekinge 2 av 2, Ronneby kommun 1 av 1'], // Carina counts from the minute she joins
    [20, false, 'Inte beslutsför: Karlshamns kommun 0 av 1 (krävs 1), Region Blekinge 2 av 2, Ronneby kommun 1 av 1'], // gone at the moment of leaving
    [30, true, 'Beslutsför: Karlshamns kommun 1 av 1, Region Blekinge 2 av 2, Ronneby kommun 1 av 1'], // back, per the report
    [50, false, 'Inte beslutsför: Karlshamns kommun 0 av 1 (krävs 1), Region Blekinge 2 av 2, Ronneby kommun 1 av 1'],
  ])('huvudman at minute %s: quorate %s', async (minute, quorate, line) => {
    const g = await recordedMeeting(fx, 'huvudman');
    expect(await lineAt(fx, g, minute)).toEqual([quorate, line]);
  });

  it.each([
    [0, false, 'Inte beslutsför: Region Blekinge 1 av 2 (krävs 2), Kommunerna 2 av 2'],
    [10, true, 'Beslutsför: Region Blekinge 2 av 2, Kommunerna 2 av 2'],
    [20, false, 'Inte beslutsför: Kommunerna 1 av 2 (krävs 2), Region Blekinge 2 av 2'],
  ])('region-kommun at minute %s: quorate %s', async (minute, quorate, line) => {
    const g = await recordedMeeting(fx, 'region-kommun');
    expect(await lineAt(fx, g, minute)).toEqual([quorate, line]);
  });

  it('av: always quorate, with no blocs', async () => {
    const g = await recordedMeeting(fx, 'av');
    expect(await lineAt(fx, g, -5)).toEqual([true, 'Ingen regel om beslutförhet.']);
  });

  it('a manual absence during the meeting counts like a leave; non-voting members never count', async () => {
    const g = await fx.group({}, ['mats', 'rebecca', 'sandra']);
    const meeting = await fx.runningMeeting(g, { joined: ['mats', 'rebecca', 'sandra'] });
    await fx.repos.attendance.addEvent(meeting.id, {
      memberId: g.members.mats.id, displayName: 'Mats Wennstig', aadObjectId: null, kind: 'leave', at: at(15), source: 'manual',
    });
    const gm = { ...g, meetingId: meeting.id };
    expect(await lineAt(fx, gm, 10)).toEqual([true, 'Beslutsför: Region Blekinge 1 av 1, Karlshamns kommun 1 av 1']);
    expect(await lineAt(fx, gm, 15)).toEqual([false, 'Inte beslutsför: Region Blekinge 0 av 1 (krävs 1), Karlshamns kommun 1 av 1']);
  });
});
