/**
 * `sekreterare <namn>` (nameStandIn) on a real store: the stand-in is kept on the meeting and may
 * record that meeting and its draft only; a later meeting is the secretary's again.
 */
import { nameStandIn } from '../../../bot/src/core/use-cases/stand-in';
import { authorize } from '../../../bot/src/core/use-cases/authorization';
import { describeUseCase, expectDomainError } from '../../support/use-case-fixture';

const ANNA = 'c1000000-0000-4000-8000-000000000004';
const elsewhere = { inGroupChannel: false };

describeUseCase('stand-in secretary', (fx) => {
  it('is kept on the running meeting, may record it, and not the next meeting', async () => {
    const g = await fx.group();
    await fx.repos.roster.rememberIdentity(g.group.id, g.members.anna.id, { aadObjectId: ANNA, teamsUserId: null });
    const anna = { aadObjectId: ANNA, name: g.members.anna.name };
    const meeting = await fx.runningMeeting(g);
    await expectDomainError(fx.run((repos) => authorize(repos, g.group, anna, 'record', elsewhere)), 'forbidden', /kan föra protokollet/);

    const answer = await fx.run((repos) => nameStandIn(repos, g.ctx(5), 'Anna-Karin'));
    expect(answer.text).toBe('Anna-Karin Åkesson är ersättare för sekreteraren vid det här mötet och kan föra protokollet för det.');
    expect((await fx.repos.meetings.findById(g.group.id, meeting.id))?.standInMemberId).toBe(g.members.anna.id);
    await fx.run((repos) => authorize(repos, g.group, anna, 'record', elsewhere));
    // naming stand-ins and the group's settings stay the secretary's
    await expectDomainError(fx.run((repos) => authorize(repos, g.group, anna, 'lead', elsewhere)), 'forbidden', /utse en ersättare/);
    await expectDomainError(fx.run((repos) => authorize(repos, g.group, anna, 'setup', elsewhere)), 'forbidden', /ändra gruppens inställningar/);

    // The meeting is locked; the next one starts: Anna is a member again.
    await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'justerat' });
    await fx.repos.meetings.create(g.group.id, { startsAt: '2024-03-15T08:00:00.000Z' });
    await expectDomainError(fx.run((repos) => authorize(repos, g.group, anna, 'record', elsewhere)), 'forbidden', /kan föra protokollet/);
  });

  it('says when the stand-in is not confirmed yet, and refuses without a meeting or with an unknown name', async () => {
    const g = await fx.group();
    await expectDomainError(fx.run((repos) => nameStandIn(repos, g.ctx(0), 'Anna-Karin')), 'conflict', /Det finns inget möte att utse ersättare för/);
    await fx.runningMeeting(g);
    const answer = await fx.run((repos) => nameStandIn(repos, g.ctx(5), 'Rebecca'));
    expect(answer.text).toMatch(/Rebecca Welanders Teams-konto är inte bekräftat än: skriv `bekräfta Rebecca Welander`/);
    await expectDomainError(fx.run((repos) => nameStandIn(repos, g.ctx(5), 'Okänd Person')), 'not-found', /Okänd Person finns inte i gruppens ledamotslista/);
  });
});
