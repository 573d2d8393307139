/**
 * `justerare <namn>` and `justering senast <datum> [kl. HH.MM]` on a real store: which meeting they
 * set, what is stored, the Swedish answers, and the refusals for names and for a group without a meeting.
 */
import { electAdjuster, setApprovalDeadline } from '../../../bot/src/core/use-cases/approval-setup';
import { endMeeting } from '../../../bot/src/core/use-cases/meeting-flow';
import { describeUseCase, expectDomainError, type GroupFixture } from '../../support/use-case-fixture';

const NO_MEETING = 'Det finns inget möte att ange justering för. Lägg först till en punkt med `ny punkt` eller skriv `starta`.';

describeUseCase('approval setup', (fx) => {
  const elect = (g: GroupFixture, name: string) => fx.run((repos) => electAdjuster(repos, g.ctx(10), name));
  const deadline = (g: GroupFixture, date: string, time: string | null) => fx.run((repos) => setApprovalDeadline(repos, g.ctx(10), date, time));
  const stored = async (g: GroupFixture, meetingId: string) => (await fx.repos.meetings.findById(g.group.id, meetingId))!;

  it('justerare elects a member of the roster for the running meeting; again, or a second one, adds without repeating', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    expect(await elect(g, 'Anna-Karin Åkesson')).toEqual({ text: 'Anna-Karin Åkesson är vald till justerare för mötet.' });
    expect((await stored(g, meeting.id)).adjusterMemberIds).toEqual([g.members.anna.id]);
    expect((await elect(g, 'anna-karin')).text).toBe('Anna-Karin Åkesson är vald till justerare för mötet.');
    expect((await elect(g, 'Rebecca')).text).toBe('Rebecca Welander är vald till justerare för mötet.');
    expect((await stored(g, meeting.id)).adjusterMemberIds).toEqual([g.members.anna.id, g.members.rebecca.id]);
  });

  it('before the meeting, justerare goes on the planned meeting', async () => {
    const g = await fx.group();
    await fx.plan(g, ['Budget 2024']);
    await elect(g, 'Carina Ingemansson');
    const [planned] = await fx.meetings(g);
    expect(planned).toMatchObject({ status: 'planerat', adjusterMemberIds: [g.members.carina.id] });
  });

  it('after the meeting, both go on the ended meeting rather than the next planned one', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'justering' });
    await fx.plan(g, ['Nästa möte']);
    await elect(g, 'Anna-Karin Åkesson');
    await deadline(g, '2024-02-23', null);
    const [next, ended] = await fx.meetings(g);
    expect(ended).toMatchObject({ id: meeting.id, adjusterMemberIds: [g.members.anna.id], approvalDeadline: '2024-02-23T15:00:00.000Z' });
    expect(next).toMatchObject({ status: 'planerat', adjusterMemberIds: [], approvalDeadline: null });
  });

  it.each([
    ['an unknown name', 'Kalle Anka', 'not-found', 'Kalle Anka finns inte i gruppens ledamotslista. Lägg till personen med `ledamöter` eller kontrollera stavningen.'],
    ['an ambiguous name', 'We', 'invalid-input', 'Flera personer matchar "We": Rebecca Welander, Mats Wennstig. Skriv hela namnet.'],
  ] as const)('justerare with %s is refused and elects nobody', async (_case, name, code, message) => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    await expectDomainError(elect(g, name), code, message);
    expect((await stored(g, meeting.id)).adjusterMemberIds).toEqual([]);
  });

  it.each([
    ['without a time: kl. 16.00', '2024-02-23', null, '2024-02-23T15:00:00.000Z', 'Digital justering senast 2024-02-23 kl. 16.00'],
    ['with a time', '2024-02-23', '10.30', '2024-02-23T09:30:00.000Z', 'Digital justering senast 2024-02-23 kl. 10.30'],
    ['with a colon', '2024-02-23', '9:05', '2024-02-23T08:05:00.000Z', 'Digital justering senast 2024-02-23 kl. 09.05'],
    ['in summer time', '2024-06-14', null, '2024-06-14T14:00:00.000Z', 'Digital justering senast 2024-06-14 kl. 16.00'],
  ])('justering senast %s', async (_case, date, time, instant, said) => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    expect(await deadline(g, date, time)).toEqual({ text: `Plats och tid för justering: ${said}.` });
    expect((await stored(g, meeting.id)).approvalDeadline).toBe(instant);
  });

  it('a new deadline replaces the old one', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    await deadline(g, '2024-02-23', null);
    await deadline(g, '2024-02-27', '12.00');
    expect((await stored(g, meeting.id)).approvalDeadline).toBe('2024-02-27T11:00:00.000Z');
  });

  it('with no meeting at all, or only a locked one, both are refused in Swedish', async () => {
    const empty = await fx.group();
    await expectDomainError(elect(empty, 'Anna-Karin Åkesson'), 'conflict', NO_MEETING);
    await expectDomainError(deadline(empty, '2024-02-23', null), 'conflict', NO_MEETING);
    expect(await fx.meetings(empty)).toEqual([]);
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'justerat' });
    await expectDomainError(elect(g, 'Anna-Karin Åkesson'), 'conflict', NO_MEETING);
    await expectDomainError(deadline(g, '2024-02-23', null), 'conflict', NO_MEETING);
    expect(await stored(g, meeting.id)).toMatchObject({ adjusterMemberIds: [], approvalDeadline: null });
  });
});
