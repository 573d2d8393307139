/**
 * `åtgärd <text> [ansvarig <namn>] [senast <datum>]` called directly on a real store: how the owner
 * is found in the roster (or asked about, or kept as free text) and what is stored and answered.
 */
import { endMeeting, goToItem } from '../../../bot/src/core/use-cases/meeting-flow';
import { addAction } from '../../../bot/src/core/use-cases/record-action';
import { at, describeUseCase, expectDomainError, type GroupFixture } from '../../support/use-case-fixture';

describeUseCase('recording actions', (fx) => {
  /** A running meeting on punkt 3 Vårdplatsflöde. */
  async function onVardplatsflode(g: GroupFixture) {
    const meeting = await fx.runningMeeting(g, { items: ['Vårdplatsflöde', 'Budget 2024'] });
    await fx.run((repos) => goToItem(repos, g.ctx(5), 3, null));
    const items = await fx.repos.agenda.list(meeting.id);
    return { meeting, vard: items.find((i) => i.number === 3)!, budget: items.find((i) => i.number === 4)! };
  }

  it.each([
    ['Mats', 'Mats Wennstig', '2024-03-01', 'Åtgärd under punkt 3 Vårdplatsflöde: Skicka ut planen, ansvarig Mats Wennstig, senast 2024-03-01.'],
    ['mats wennstig', 'Mats Wennstig', null, 'Åtgärd under punkt 3 Vårdplatsflöde: Skicka ut planen, ansvarig Mats Wennstig.'],
    ['Åkesson', 'Anna-Karin Åkesson', null, 'Åtgärd under punkt 3 Vårdplatsflöde: Skicka ut planen, ansvarig Anna-Karin Åkesson.'],
    [null, null, '2024-03-01', 'Åtgärd under punkt 3 Vårdplatsflöde: Skicka ut planen, ingen ansvarig angiven, senast 2024-03-01.'],
  ])('ansvarig %s → %s', async (owner, ownerName, dueDate, text) => {
    const g = await fx.group();
    const { meeting, vard } = await onVardplatsflode(g);
    const answer = await fx.run((repos) => addAction(repos, g.ctx(10), { text: 'Skicka ut planen', owner, dueDate }));
    const [action] = await fx.repos.actions.listForMeeting(g.group.id, meeting.id);
    expect(answer).toEqual({ text, data: { kind: 'recorded', actionId: action!.id, reference: 'punkt 3' } });
    const ownerMemberId = ownerName ? Object.values(g.members).find((m) => m.name === ownerName)!.id : null;
    expect(action).toEqual({
      id: expect.any(String), groupId: g.group.id, meetingId: meeting.id, itemId: vard.id, text: 'Skicka ut planen',
      ownerMemberId, ownerName, dueDate, status: 'open', version: 1, createdAt: at(10), seq: expect.any(Number),
    });
  });

  it('an owner not on the roster is kept as free text, and the answer says so', async () => {
    const g = await fx.group();
    const { meeting } = await onVardplatsflode(g);
    const answer = await fx.run((repos) => addAction(repos, g.ctx(10), { text: 'Boka lokal', owner: 'Tina Olsson', dueDate: null }));
    expect(answer.text).toBe('Åtgärd under punkt 3 Vårdplatsflöde: Boka lokal, ansvarig Tina Olsson. (Tina Olsson finns inte i ledamotslistan och sparas som fritext)');
    expect(await fx.repos.actions.listForMeeting(g.group.id, meeting.id)).toEqual([expect.objectContaining({ ownerMemberId: null, ownerName: 'Tina Olsson' })]);
  });

  it('an owner name that fits two people is asked about, and nothing is saved yet', async () => {
    const g = await fx.group();
    const [fransson] = (await fx.repos.roster.upsert(g.group.id, [{ name: 'Carina Fransson', title: 'MAS', principal: 'Karlskrona kommun', roles: ['ersättare'] }]))
      .filter((m) => m.name === 'Carina Fransson');
    const { meeting, vard } = await onVardplatsflode(g);
    const input = { text: 'Boka lokal', owner: 'Carina', dueDate: '2024-03-01' };
    const answer = await fx.run((repos) => addAction(repos, g.ctx(10), input));
    expect(answer.text).toBe('Flera personer i ledamotslistan matchar "Carina". Välj vem som är ansvarig – inget är sparat ännu.');
    expect(answer.data).toMatchObject({ kind: 'ambiguous-owner', input, meetingId: meeting.id, itemId: vard.id });
    const candidates = answer.data!.kind === 'ambiguous-owner' ? answer.data!.candidates : [];
    expect(candidates.map((m) => m.name)).toEqual(['Carina Ingemansson', 'Carina Fransson']);
    expect(await fx.repos.actions.listForMeeting(g.group.id, meeting.id)).toEqual([]);

    // the card answers with the chosen member and the paragraph it came from
    const chosen = await fx.run((repos) => addAction(repos, g.ctx(11), { ...input, ownerMemberId: fransson!.id, itemId: vard.id }));
    expect(chosen.text).toBe('Åtgärd under punkt 3 Vårdplatsflöde: Boka lokal, ansvarig Carina Fransson, senast 2024-03-01.');
  });

  it('a card action goes on the paragraph it names, not the current one', async () => {
    const g = await fx.group();
    const { meeting, budget } = await onVardplatsflode(g);
    const answer = await fx.run((repos) => addAction(repos, g.ctx(10), { text: 'Ta fram underlag', owner: null, dueDate: null, ownerMemberId: g.members.rebecca.id, itemId: budget.id }));
    expect(answer.text).toBe('Åtgärd under punkt 4 Budget 2024: Ta fram underlag, ansvarig Rebecca Welander.');
    expect(await fx.repos.actions.listForMeeting(g.group.id, meeting.id)).toEqual([expect.objectContaining({ itemId: budget.id, ownerMemberId: g.members.rebecca.id })]);
    await expectDomainError(fx.run((repos) => addAction(repos, g.ctx(11), { text: 'X', owner: null, dueDate: null, itemId: '00000000-0000-4000-8000-000000000000' })),
      'not-found', 'Paragrafen finns inte längre på dagordningen.');
    expect(await fx.repos.actions.listForMeeting(g.group.id, meeting.id)).toHaveLength(1);
  });

  it('in the draft an action goes on the paragraph chosen with punkt', async () => {
    const g = await fx.group();
    const { meeting, budget } = await onVardplatsflode(g);
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    await fx.run((repos) => goToItem(repos, g.ctx(100), 4, null));
    const answer = await fx.run((repos) => addAction(repos, g.ctx(101), { text: 'Ta fram underlag', owner: 'Rebecca', dueDate: null }));
    expect(answer.text).toBe('Åtgärd under punkt 4 Budget 2024: Ta fram underlag, ansvarig Rebecca Welander.');
    expect((await fx.repos.actions.listForMeeting(g.group.id, meeting.id)).map((a) => [a.itemId, a.createdAt])).toEqual([[budget.id, at(101)]]);
  });

  it('with no meeting held: conflict, nothing saved', async () => {
    const g = await fx.group();
    await expectDomainError(fx.run((repos) => addAction(repos, g.ctx(0), { text: 'Boka lokal', owner: null, dueDate: null })), 'conflict',
      'Inget möte pågår i den här gruppen. Skriv `starta` när mötet börjar.');
    expect(await fx.repos.actions.listForGroup(g.group.id, 'all')).toEqual([]);
  });
});
