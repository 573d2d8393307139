/**
 * What the decision and action forms show, read from a real store: the paragraphs to pick from in
 * walk order, the current one, the deciding body, beslutförhet now and the roster to choose owners.
 */
import { endMeeting, goToItem } from '../../../bot/src/core/use-cases/meeting-flow';
import { paragraphFormsView } from '../../../bot/src/core/use-cases/paragraph-forms';
import { describeUseCase, expectDomainError } from '../../support/use-case-fixture';

describeUseCase('paragraph forms', (fx) => {
  it('lists the paragraphs in walk order with their references, and marks the current one', async () => {
    const g = await fx.group({ numberingStyle: 'year' });
    const meeting = await fx.runningMeeting(g, { items: [['Vårdplatsflöde', 'I/D', ['Läkemedel', 'Sjukresor']]], joined: ['mats', 'carina', 'rebecca', 'anna'] });
    await fx.run((repos) => goToItem(repos, g.ctx(5), 3, 1));
    const view = await fx.run((repos) => paragraphFormsView(repos, g.ctx(6)));
    const sjukresor = (await fx.repos.agenda.list(meeting.id)).find((i) => i.title === 'Sjukresor')!;
    expect(view).toMatchObject({
      meetingId: meeting.id, currentItemId: sjukresor.id, decidingBody: 'Samverkansgruppen', quorate: true,
      quorumLine: 'Beslutsför: Karlshamns kommun 1 av 1, Region Blekinge 2 av 2, Ronneby kommun 1 av 1',
    });
    expect(view.paragraphs.map((p) => [p.label, p.title])).toEqual([
      ['§ 1', 'Godkännande av dagordning'], ['§ 2', 'Föregående sammanträdesprotokoll'], ['§ 3', 'Vårdplatsflöde'],
      ['§ 3 a)', 'Läkemedel'], ['§ 3 b)', 'Sjukresor'], ['§ 4', 'Övriga frågor'], ['§ 5', 'Nästa sammanträde'],
    ]);
    expect(view.paragraphs.find((p) => p.itemId === sjukresor.id)?.title).toBe('Sjukresor');
  });

  it('offers the whole roster as owners, described by title and huvudman', async () => {
    const g = await fx.group();
    await fx.repos.roster.upsert(g.group.id, [{ name: 'Tina Olsson', title: '', principal: 'Region Blekinge', roles: ['föredragande'] }]);
    await fx.runningMeeting(g);
    const view = await fx.run((repos) => paragraphFormsView(repos, g.ctx(1)));
    expect(view.roster).toEqual([
      { memberId: g.members.rebecca.id, name: 'Rebecca Welander', description: 'verksamhetschef, Karlshamns kommun' },
      { memberId: g.members.carina.id, name: 'Carina Ingemansson', description: 'stf verksamhetschef medicinkliniken, Region Blekinge' },
      { memberId: g.members.mats.id, name: 'Mats Wennstig', description: 'hälso- och sjukvårdsstrateg, Region Blekinge' },
      { memberId: g.members.sandra.id, name: 'Sandra Johansson', description: 'processledare LOS, Region Blekinge' },
      { memberId: g.members.anna.id, name: 'Anna-Karin Åkesson', description: 'verksamhetschef HSL/myndighet, Ronneby kommun' },
      // added after the others: last, as the roster keeps the order typed
      { memberId: expect.any(String), name: 'Tina Olsson', description: 'Region Blekinge' },
    ]);
    // nobody has joined yet
    expect(view.quorate).toBe(false);
    expect(view.quorumLine).toBe('Inte beslutsför: Karlshamns kommun 0 av 1 (krävs 1), Region Blekinge 0 av 2 (krävs 2), Ronneby kommun 0 av 1 (krävs 1)');
  });

  it.each([
    ['no meeting held', false],
    ['the meeting has ended', true],
  ])('with %s: conflict (the forms are for the running meeting)', async (_case, held) => {
    const g = await fx.group();
    if (held) {
      await fx.runningMeeting(g);
      await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    }
    await expectDomainError(fx.run((repos) => paragraphFormsView(repos, g.ctx(100))), 'conflict', 'Inget möte pågår i den här gruppen. Skriv `starta` när mötet börjar.');
  });
});
