/**
 * What is said and decided on a paragraph, called directly on a real store: presenters, notes,
 * decisions (with beslutförhet judged when the paragraph was dealt with), outcomes and recipients.
 */
import { endMeeting, goToItem } from '../../../bot/src/core/use-cases/meeting-flow';
import {
  addDecision, addNote, postponeItem, recordInformation, setDistributionList, setPresenters, setRecipients,
} from '../../../bot/src/core/use-cases/record-minutes';
import { loadMeetingRecord } from '../../../bot/src/core/use-cases/meeting-record';
import { toProtokollDocument } from '../../../bot/src/documents/protokoll.mapping';
import { at, describeUseCase, expectDomainError, type GroupFixture } from '../../support/use-case-fixture';

const EVERYONE = ['mats', 'carina', 'rebecca', 'anna', 'sandra'] as const;
const QUORATE = 'Beslutsför: Karlshamns kommun 1 av 1, Region Blekinge 2 av 2, Ronneby kommun 1 av 1';
const NO_KARLSHAMN = 'Inte beslutsför: Karlshamns kommun 0 av 1 (krävs 1), Region Blekinge 2 av 2, Ronneby kommun 1 av 1';

describeUseCase('recording minutes', (fx) => {
  /** A running meeting on punkt 3 Vårdplatsflöde (from 09.05), everyone there from 08.58. */
  async function onVardplatsflode(g: GroupFixture, joined: ReadonlyArray<(typeof EVERYONE)[number]> = EVERYONE) {
    const meeting = await fx.runningMeeting(g, { items: ['Vårdplatsflöde', 'Budget 2024'], joined: [...joined] });
    await fx.run((repos) => goToItem(repos, g.ctx(5), 3, null));
    const item = (await fx.repos.agenda.list(meeting.id)).find((i) => i.number === 3)!;
    return { meeting, item, itemOf: async (number: number) => (await fx.repos.agenda.list(meeting.id)).find((i) => i.number === number)! };
  }

  it('föredragande and anteckning go on the current paragraph', async () => {
    const g = await fx.group();
    const { meeting, item } = await onVardplatsflode(g);
    expect((await fx.run((repos) => setPresenters(repos, g.ctx(6), ['Tina Olsson', 'Mats Wennstig']))).text).toBe('Föredragande för punkt 3 Vårdplatsflöde: Tina Olsson, Mats Wennstig.');
    expect((await fx.run((repos) => addNote(repos, g.ctx(7), 'Rad 1\nRad 2'))).text).toBe('Anteckningen är sparad under punkt 3 Vårdplatsflöde.');
    expect((await fx.repos.agenda.list(meeting.id)).find((i) => i.id === item.id)!.presenters).toEqual(['Tina Olsson', 'Mats Wennstig']);
    expect(await fx.repos.records.notes(meeting.id)).toEqual([{ id: expect.any(String), itemId: item.id, text: 'Rad 1\nRad 2', createdAt: at(7), seq: expect.any(Number) }]);
  });

  it.each([
    ['everyone there', true, EVERYONE, undefined, QUORATE],
    ['Karlshamn missing', false, ['mats', 'carina', 'anna', 'sandra'], `Mötet är inte beslutsfört. Beslutet är sparat; protokollet säger inget om beslutsförheten om inte sekreteraren skriver det. ${NO_KARLSHAMN}`, NO_KARLSHAMN],
  ] as const)('beslut with %s: quorate %s', async (_case, quorate, joined, warning, quorumLine) => {
    const g = await fx.group();
    const { meeting, item } = await onVardplatsflode(g, joined);
    const answer = await fx.run((repos) => addDecision(repos, g.ctx(8), 'godkänna planen'));
    expect(answer).toEqual({
      text: 'Beslut under punkt 3 Vårdplatsflöde: Samverkansgruppen beslutar att godkänna planen',
      warning,
      data: { meetingId: meeting.id, itemId: item.id, reference: 'punkt 3', title: 'Vårdplatsflöde', clause: 'godkänna planen', quorate, quorumLine, proposal: null },
    });
    expect((await fx.repos.records.decisions(meeting.id)).map((d) => [d.itemId, d.clause, d.quorate, d.createdAt])).toEqual([[item.id, 'godkänna planen', quorate, at(8)]]);
    expect((await fx.repos.agenda.list(meeting.id)).find((i) => i.id === item.id)!.outcome).toBe('decided');
  });

  it('beslut from a card goes on the paragraph it names; an unknown paragraph is not found', async () => {
    const g = await fx.group();
    const { meeting, itemOf } = await onVardplatsflode(g);
    const budget = await itemOf(4);
    const answer = await fx.run((repos) => addDecision(repos, g.ctx(9), 'anta budgeten', budget.id));
    expect(answer.text).toBe('Beslut under punkt 4 Budget 2024: Samverkansgruppen beslutar att anta budgeten');
    await expectDomainError(fx.run((repos) => addDecision(repos, g.ctx(10), 'x', '00000000-0000-4000-8000-000000000000')), 'not-found', 'Paragrafen finns inte längre på dagordningen.');
    expect((await fx.repos.records.decisions(meeting.id)).map((d) => d.itemId)).toEqual([budget.id]);
  });

  it('in the draft, beslutförhet is judged when the meeting was on the paragraph (else at its start)', async () => {
    const g = await fx.group();
    const { meeting, itemOf } = await onVardplatsflode(g);
    await fx.join(g, 'rebecca', 20, 'leave');
    await fx.run((repos) => goToItem(repos, g.ctx(30), 4, null));
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    const decide = async (number: number, minute: number) => {
      await fx.run((repos) => goToItem(repos, g.ctx(minute), number, null));
      return (await fx.run((repos) => addDecision(repos, g.ctx(minute + 1), `beslut ${number}`))).data!;
    };
    expect(await decide(3, 120)).toMatchObject({ quorate: true, quorumLine: QUORATE }); // on § 3 at 09.05, Rebecca there
    expect(await decide(4, 122)).toMatchObject({ quorate: false, quorumLine: NO_KARLSHAMN }); // on § 4 from 09.30, after she left
    expect(await decide(5, 124)).toMatchObject({ quorate: true }); // never visited: judged at 09.00
    expect((await fx.repos.records.decisions(meeting.id)).map((d) => [d.clause, d.quorate])).toEqual([['beslut 3', true], ['beslut 4', false], ['beslut 5', true]]);
    expect(await fx.repos.records.visits(meeting.id)).toHaveLength(3);
  });

  it('information and bordläggning set the outcome of the current paragraph', async () => {
    const g = await fx.group();
    const { meeting, item, itemOf } = await onVardplatsflode(g);
    expect((await fx.run((repos) => recordInformation(repos, g.ctx(6)))).text).toBe('punkt 3 Vårdplatsflöde: Informationen tas till protokollet.');
    expect((await fx.repos.agenda.list(meeting.id)).find((i) => i.id === item.id)!.outcome).toBe('information');
    await fx.run((repos) => goToItem(repos, g.ctx(7), 4, null));
    expect((await fx.run((repos) => postponeItem(repos, g.ctx(8)))).text).toBe('punkt 4 Budget 2024 bordläggs: Denna punkt tas upp vid nästa möte.');
    expect((await itemOf(4)).outcome).toBe('postponed');
    expect((await itemOf(3)).outcome).toBe('information');
    // when, so the line prints where it was recorded among the paragraph's entries
    expect((await itemOf(3)).outcomeRecorded).toEqual({ at: at(6), seq: expect.any(Number) });
    expect((await itemOf(4)).outcomeRecorded).toEqual({ at: at(8), seq: expect.any(Number) });
  });

  it('a beslut after information keeps the information line: both print, in the order recorded', async () => {
    const g = await fx.group();
    const { meeting, item } = await onVardplatsflode(g);
    await fx.run((repos) => recordInformation(repos, g.ctx(6)));
    await fx.run((repos) => addDecision(repos, g.ctx(7), 'ge förvaltningen i uppdrag att återkomma'));
    expect((await fx.repos.agenda.list(meeting.id)).find((i) => i.id === item.id)!.outcome).toBe('information');
    const record = await loadMeetingRecord(fx.repos, g.group, meeting.id, at(90));
    const paragraph = toProtokollDocument(record, { status: 'utkast', version: 1, renderedAt: at(90) }).paragraphs.find((p) => p.title === 'Vårdplatsflöde')!;
    expect(paragraph.content.map((b) => b.kind)).toEqual(['information', 'decision']);
  });

  // Every other answer starts with a capital (agenda edits capitalise `punkt 3`); these three do not.
  it.failing('information, bordläggning and skickas till answer with a capital letter first', async () => {
    const g = await fx.group();
    await onVardplatsflode(g);
    expect((await fx.run((repos) => recordInformation(repos, g.ctx(6)))).text).toMatch(/^Punkt 3 /);
    expect((await fx.run((repos) => postponeItem(repos, g.ctx(7)))).text).toMatch(/^Punkt 3 /);
    expect((await fx.run((repos) => setRecipients(repos, g.ctx(8), ['LSVO']))).text).toMatch(/^Punkt 3 /);
  });

  it('skickas till: recipients are merged without repeats (any case); a blank name changes nothing', async () => {
    const g = await fx.group();
    const { meeting, item } = await onVardplatsflode(g);
    await fx.run((repos) => setRecipients(repos, g.ctx(6), ['LSVO', 'Region Blekinge']));
    const answer = await fx.run((repos) => setRecipients(repos, g.ctx(7), ['lsvo', 'Karlshamns kommun', 'Karlshamns kommun']));
    expect(answer.text).toBe('punkt 3 Vårdplatsflöde: Protokollet ska skickas till LSVO, Region Blekinge, Karlshamns kommun.');
    await expectDomainError(fx.run((repos) => setRecipients(repos, g.ctx(8), ['Ronneby kommun', ' '])), 'invalid-input', 'En mottagare saknar namn. Skriv namnen åtskilda med kommatecken.');
    const recorded = (await fx.repos.agenda.list(meeting.id)).find((i) => i.id === item.id)!;
    expect(recorded.recipients).toEqual(['LSVO', 'Region Blekinge', 'Karlshamns kommun']);
    // the list stands where the first recipients were recorded
    expect(recorded.recipientsRecorded).toEqual({ at: at(6), seq: expect.any(Number) });
  });

  it('sändlista: during the meeting and in the draft; with no meeting held it is refused', async () => {
    const g = await fx.group();
    const { meeting } = await onVardplatsflode(g);
    expect((await fx.run((repos) => setDistributionList(repos, g.ctx(6), ['Samtliga ledamöter']))).text).toBe('Sändlista för protokollet: Samtliga ledamöter.');
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    expect((await fx.run((repos) => setDistributionList(repos, g.ctx(100), ['LSVO', 'samtliga ledamöter']))).text).toBe('Sändlista för protokollet: Samtliga ledamöter, LSVO.');
    expect((await fx.repos.meetings.findById(g.group.id, meeting.id))!.distributionList).toEqual(['Samtliga ledamöter', 'LSVO']);
    const empty = await fx.group();
    await expectDomainError(fx.run((repos) => setDistributionList(repos, empty.ctx(0), ['LSVO'])), 'conflict', 'Inget möte pågår i den här gruppen. Skriv `starta` när mötet börjar.');
  });

  it.each([
    ['no meeting held', 'none', 'Inget möte pågår i den här gruppen. Skriv `starta` när mötet börjar.'],
    ['a running meeting on no paragraph', 'live', 'Mötet står inte på någon punkt. Skriv `nästa` eller `punkt <nr>`.'],
    ['a draft with no paragraph chosen', 'draft', 'Välj först vilken punkt i utkastet du vill ändra: skriv `punkt <nr>`.'],
  ] as const)('anteckning with %s: conflict, nothing stored', async (_case, phase, message) => {
    const g = await fx.group();
    if (phase !== 'none') {
      const meeting = await fx.runningMeeting(g);
      if (phase === 'live') await fx.repos.meetings.update(g.group.id, meeting.id, { currentItemId: null });
      else await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    }
    await expectDomainError(fx.run((repos) => addNote(repos, g.ctx(100), 'Anteckning')), 'conflict', message);
    for (const meeting of await fx.meetings(g)) expect(await fx.repos.records.notes(meeting.id)).toEqual([]);
  });
});
