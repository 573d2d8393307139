import { COMMAND_SYNTAX } from '../../../bot/src/core/commands/command';
import { buildHelpCard } from '../../../bot/src/cards/help.card';
import { buildAgendaCard } from '../../../bot/src/cards/agenda.card';
import { buildAttendanceCard } from '../../../bot/src/cards/attendance.card';
import { buildDecisionCard } from '../../../bot/src/cards/decision.card';
import { buildActionCard } from '../../../bot/src/cards/action.card';
import { buildActionProposalCard } from '../../../bot/src/cards/action-proposal.card';
import { buildOwnerChoiceCard } from '../../../bot/src/cards/owner-choice.card';
import { buildRemoveConfirmationCard } from '../../../bot/src/cards/remove-confirmation.card';
import { MAX_CARD_BYTES, type AdaptiveCard } from '../../../bot/src/cards/adaptive-card';
import { Verbs, parseVerbData } from '../../../bot/src/teams/verbs';
import { validateCard } from '../../support/adaptive-card-validator';
import { agendaView, attendanceView, ITEM_ID, MEETING_ID, MEMBER_IDS } from './fixtures';

const json = (card: AdaptiveCard) => JSON.stringify(card);
const actionsOf = (card: AdaptiveCard): any[] => [
  ...(card.actions ?? []),
  ...card.body.filter((e) => e.type === 'ActionSet').flatMap((e) => e.actions as any[]),
];

/** Every card the bot can send, built from realistic view models. */
const everyCard: Array<[string, AdaptiveCard]> = [
  ['help', buildHelpCard({ commands: Object.values(COMMAND_SYNTAX).map((c) => ({ syntax: c.syntax, description: c.description })) })],
  ['agenda', buildAgendaCard(agendaView())],
  ['attendance (quorate)', buildAttendanceCard(attendanceView(true))],
  ['attendance (not quorate)', buildAttendanceCard(attendanceView(false))],
  ['decision', buildDecisionCard({ reference: '§ 16', title: 'Vårdplatsflöde', decidingBody: 'Samverkansgruppen', quorate: false, quorumLine: 'Inte beslutsför: Region Blekinge 1 av 2 (krävs 2)' })],
  ['action', buildActionCard({ reference: '§ 16', title: 'Vårdplatsflöde', roster: [{ memberId: MEMBER_IDS[0]!, name: 'Mats Wennstig' }] })],
  ['action proposal', buildActionProposalCard({ meetingId: MEETING_ID, itemId: ITEM_ID, reference: '§ 16', ownerMemberId: MEMBER_IDS[0]!, ownerName: 'Mats Wennstig', text: 'Skickar ut dokumentet' })],
  ['owner choice', buildOwnerChoiceCard({ query: 'Carina', meetingId: MEETING_ID, itemId: ITEM_ID, text: 'Boka lokal', dueDate: '2024-03-01', candidates: [
    { memberId: MEMBER_IDS[0]!, name: 'Carina Ingemansson', description: 'stf verksamhetschef, Region Blekinge' },
    { memberId: MEMBER_IDS[1]!, name: 'Carina Fransson', description: 'verksamhetschef hjälpmedelscenter, Region Blekinge' },
  ] })],
  ['remove confirmation', buildRemoveConfirmationCard({ number: 5, reference: 'punkt 5', title: 'Vårdplatsflöde', recordedCount: 3 })],
];

describe('every card the bot sends', () => {
  it.each(everyCard)('%s card is valid Adaptive Cards 1.5 under 28 KB', (_name, card) => {
    const result = validateCard(card);
    expect(result.findings).toEqual([]);
    expect(result.version).toBe('1.5');
    expect(result.bytes).toBeLessThan(MAX_CARD_BYTES);
  });

  it.each(everyCard)('%s card only uses verbs whose data the bot accepts', (_name, card) => {
    for (const action of actionsOf(card)) {
      expect(action.type).toBe('Action.Execute');
      expect(Object.values(Verbs)).toContain(action.verb);
      if (action.associatedInputs === 'auto') continue; // data completed by the card's inputs
      expect(parseVerbData(action.verb, action.data)).not.toBeNull();
    }
  });
});

describe('the validator', () => {
  it('finds real problems', () => {
    expect(validateCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] }).findings).not.toEqual([]);
    expect(validateCard({
      type: 'AdaptiveCard', version: '1.5',
      body: [{ type: 'Input.Text', id: 'x' }, { type: 'Input.Text', id: 'x' }],
    }).findings.join()).toMatch(/x/);
  });
});

describe('card contents', () => {
  it('agenda: numbered paragraphs, sections, sub-points, the current one marked, and a refresh button', () => {
    const card = json(buildAgendaCard(agendaView()));
    expect(card).toContain('§ 15 Godkännande av föredragningslista (I/D/B)');
    expect(card).toContain('ÄRENDEN FÖR BESLUT');
    expect(card).toContain('▶ § 17');
    expect(card).toContain('a) Läkemedel avvikelser AG');
    expect(card).toContain('från tidigare möte');
    expect(card).toContain(Verbs.refreshAgenda);
  });

  it('agenda with 60 paragraphs of the longest titles allowed stays under 28 KB', () => {
    const card = buildAgendaCard(agendaView(60, 'Lång rubrik om samverkan mellan region och kommuner '.repeat(6).slice(0, 296)));
    expect(validateCard(card)).toMatchObject({ findings: [] });
    expect(validateCard(card).bytes).toBeLessThan(MAX_CARD_BYTES);
  });

  it('an agenda too long for one message is cut, saying how many were left out', () => {
    const card = buildAgendaCard(agendaView(120, 'Lång rubrik om samverkan mellan region och kommuner '.repeat(6).slice(0, 296)));
    expect(validateCard(card).bytes).toBeLessThan(MAX_CARD_BYTES);
    expect(json(card)).toMatch(/… och \d+ punkter till/);
  });

  it('attendance: per huvudman, partial presence, guests apart, quorum line, correction buttons', () => {
    const card = buildAttendanceCard(attendanceView(false));
    const text = json(card);
    expect(text).toContain('Region Blekinge');
    expect(text).toContain('Carina Ingemansson \\\\(§§15 \\\\- 17\\\\)');
    expect(text).toContain('Övriga deltagare (räknas inte)');
    expect(text).toContain('⚠️ Inte beslutsför');
    expect(actionsOf(card).map((a) => a.verb)).toEqual([Verbs.refreshAttendance, Verbs.markPresent, Verbs.markAbsent]);
  });

  it('decision form warns when not quorate and submits the clauses', () => {
    const card = buildDecisionCard({ reference: '§ 16', title: 'Vårdplatsflöde', decidingBody: 'LSVO', quorate: false, quorumLine: 'Inte beslutsför' });
    expect(json(card)).toContain('⚠️ Inte beslutsför');
    expect(json(card)).toContain('LSVO beslutar');
    expect(card.body.find((e) => e.id === 'clauses')).toMatchObject({ type: 'Input.Text', isMultiline: true });
    expect(actionsOf(card)[0]).toMatchObject({ verb: Verbs.recordDecision, associatedInputs: 'auto' });
  });

  it('owner choice has one button per candidate carrying the pending action', () => {
    const card = everyCard.find(([name]) => name === 'owner choice')![1];
    expect(actionsOf(card).map((a) => [a.title, a.data.ownerMemberId, a.data.text])).toEqual([
      ['Carina Ingemansson', MEMBER_IDS[0], 'Boka lokal'],
      ['Carina Fransson', MEMBER_IDS[1], 'Boka lokal'],
    ]);
  });
});
