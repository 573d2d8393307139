/**
 * "att Mats skickar ut dokumentet" proposes an action for Mats: the heuristic against a roster as the
 * store keeps it (ids, hand-typed names), and the proposal a recorded decision carries to its card.
 */
import { proposeActionFromClause } from '../../../bot/src/core/use-cases/action-proposal';
import { addDecision } from '../../../bot/src/core/use-cases/record-minutes';
import { goToItem } from '../../../bot/src/core/use-cases/meeting-flow';
import { describeUseCase, type PersonKey } from '../../support/use-case-fixture';

describeUseCase('action proposals', (fx) => {
  it.each<[string, PersonKey, string]>([
    ['Mats skickar ut dokumentet', 'mats', 'Skickar ut dokumentet'],
    ['att Mats Wennstig återkommer med en plan till nästa möte.', 'mats', 'Återkommer med en plan till nästa möte'],
    ['mats wennstig tar fram ett underlag;', 'mats', 'Tar fram ett underlag'],
    ['Anna-Karin tar fram ett underlag', 'anna', 'Tar fram ett underlag'],
    ['Anna-Karin A\u030akesson undersöker frågan', 'anna', 'Undersöker frågan'], // å typed as a + combining ring
    ['Rebecca ser över lokalerna', 'rebecca', 'Ser över lokalerna'],
    ['Sandra skickar ut kallelsen', 'sandra', 'Skickar ut kallelsen'], // the secretary may own actions too
  ])('%s → an action for %s: %s', async (clause, owner, text) => {
    const g = await fx.group();
    const roster = await fx.repos.roster.list(g.group.id);
    expect(proposeActionFromClause(roster, clause)).toEqual({ ownerMemberId: g.members[owner].id, ownerName: g.members[owner].name, text });
  });

  it.each([
    ['godkänna för sammanträdet upprättad dagordning'],
    ['Mats skickar'], // nothing to do
    ['Mats och Rebecca skickar ut'], // no verb right after the name
    ['Åkesson tar fram ett underlag'], // a surname alone is not a first name
    ['Tina skickar ut dokumentet'], // not on the roster
    ['Mats Wennstigs förslag antas'],
  ])('%s → no proposal', async (clause) => {
    const g = await fx.group();
    expect(proposeActionFromClause(await fx.repos.roster.list(g.group.id), clause)).toBeNull();
  });

  it('a first name two members share proposes nobody, unless the full name is written', async () => {
    const g = await fx.group();
    const roster = await fx.repos.roster.upsert(g.group.id, [{ name: 'Carina Fransson', title: 'MAS', principal: 'Karlskrona kommun', roles: ['ersättare'] }]);
    expect(proposeActionFromClause(roster, 'Carina undersöker frågan')).toBeNull();
    expect(proposeActionFromClause(roster, 'Carina Fransson undersöker frågan')).toMatchObject({ ownerName: 'Carina Fransson', text: 'Undersöker frågan' });
  });

  it('a recorded decision carries the proposal for its card; another group\'s Mats is not proposed', async () => {
    const g = await fx.group();
    await fx.runningMeeting(g, { items: ['Vårdplatsflöde'] });
    await fx.run((repos) => goToItem(repos, g.ctx(5), 3, null));
    const decided = await fx.run((repos) => addDecision(repos, g.ctx(6), 'Mats återkommer med en plan'));
    expect(decided.data!.proposal).toEqual({ ownerMemberId: g.members.mats.id, ownerName: 'Mats Wennstig', text: 'Återkommer med en plan' });
    const plain = await fx.run((repos) => addDecision(repos, g.ctx(7), 'godkänna planen'));
    expect(plain.data!.proposal).toBeNull();

    const other = await fx.group({}, ['rebecca', 'sandra']);
    await fx.runningMeeting(other, { items: ['Vårdplatsflöde'] });
    const elsewhere = await fx.run((repos) => addDecision(repos, other.ctx(6), 'Mats återkommer med en plan'));
    expect(elsewhere.data!.proposal).toBeNull();
  });
});
