/** Every card the bot sends is valid Adaptive Cards 1.5 for the SDK, under 28 KB, and its buttons send data the bot accepts. */
import { COMMAND_SYNTAX } from '../../../bot/src/core/commands/command';
import { buildHelpCard } from '../../../bot/src/cards/help.card';
import { buildAgendaCard } from '../../../bot/src/cards/agenda.card';
import { buildAttendanceCard } from '../../../bot/src/cards/attendance.card';
import { buildDecisionCard } from '../../../bot/src/cards/decision.card';
import { buildActionCard } from '../../../bot/src/cards/action.card';
import { buildActionProposalCard } from '../../../bot/src/cards/action-proposal.card';
import { buildOwnerChoiceCard } from '../../../bot/src/cards/owner-choice.card';
import { buildRemoveConfirmationCard } from '../../../bot/src/cards/remove-confirmation.card';
import type { AdaptiveCard } from '../../../bot/src/cards/adaptive-card';
import { buildApprovalCard, type ApprovalCardModel } from '../../../bot/src/cards/approval.card';
import { buildImmediateAdjustmentCard } from '../../../bot/src/cards/immediate-adjustment.card';
import type { AdjustmentState } from '../../../bot/src/core/use-cases/immediate-adjustment';
import { isVerb, parseVerbData } from '../../../bot/src/cards/verbs';
import { CARD_BYTE_LIMIT, expectValidCard, validateCard } from '../../support/adaptive-card-validator';
import { actionsOf, agendaView, attendanceView, invokeData, ITEM_ID, MEETING_ID, MEMBER_IDS, PARAGRAPHS, ROSTER, uuid } from './fixtures';

const candidates = (n: number) => Array.from({ length: n }, (_, i) => ({ memberId: uuid(500 + i), name: `Anna ${i + 1}`, description: 'Karlskrona kommun' }));

/** Every card the bot can send, built from realistic view models. */
const everyCard: Array<[string, AdaptiveCard]> = [
  ['help', buildHelpCard({ commands: Object.values(COMMAND_SYNTAX).map((c) => ({ syntax: c.syntax, description: c.description })) })],
  ['agenda', buildAgendaCard(agendaView())],
  ['agenda (empty)', buildAgendaCard(agendaView(0))],
  ['attendance (quorate)', buildAttendanceCard(attendanceView(true))],
  ['attendance (not quorate)', buildAttendanceCard(attendanceView(false))],
  ['attendance (no roster)', buildAttendanceCard({ ...attendanceView(false), principals: [], quorum: { quorate: true, rule: 'av', blocs: [] }, quorumLine: 'Ingen regel om beslutförhet.' })],
  ['decision', buildDecisionCard({ meetingId: MEETING_ID, paragraphs: PARAGRAPHS, currentItemId: ITEM_ID, decidingBody: 'Samverkansgruppen', quorate: false, quorumLine: 'Inte beslutsför: Region Blekinge 1 av 2 (krävs 2)' })],
  ['decision (jäv and reservation pickers)', buildDecisionCard({
    meetingId: MEETING_ID, paragraphs: PARAGRAPHS, currentItemId: ITEM_ID, decidingBody: 'Socialnämnden', quorate: true, quorumLine: 'Beslutsför',
    members: ROSTER.map((m) => ({ memberId: m.memberId, name: `${m.name} (S)` })),
  })],
  ['decision (no paragraphs)', buildDecisionCard({ meetingId: MEETING_ID, paragraphs: [], currentItemId: null, decidingBody: 'LSVO', quorate: true, quorumLine: 'Beslutsför: Region Blekinge 3 av 4' })],
  ['action', buildActionCard({ meetingId: MEETING_ID, paragraphs: PARAGRAPHS, currentItemId: ITEM_ID, roster: ROSTER })],
  ['action (no roster)', buildActionCard({ meetingId: MEETING_ID, paragraphs: PARAGRAPHS, currentItemId: null, roster: [] })],
  ['action proposal', buildActionProposalCard({ meetingId: MEETING_ID, itemId: ITEM_ID, reference: '§ 17', ownerMemberId: MEMBER_IDS[0]!, ownerName: 'Mats Wennstig', text: 'Skickar ut dokumentet' })],
  ['owner choice (buttons)', buildOwnerChoiceCard({ query: 'Anna', meetingId: MEETING_ID, itemId: ITEM_ID, text: 'Boka lokal', dueDate: '2024-03-01', candidates: candidates(2) })],
  ['owner choice (list)', buildOwnerChoiceCard({ query: 'Anna', meetingId: MEETING_ID, itemId: ITEM_ID, text: 'Boka lokal', dueDate: null, candidates: candidates(8) })],
  ['remove confirmation', buildRemoveConfirmationCard({ number: 5, reference: 'punkt 5', title: 'Vårdplatsflöde', recordedCount: 3 })],
  ['approval (shared, user-specific refresh)', buildApprovalCard(approvalModel({ showActions: false, refreshUserIds: ['29:mats', '29:anna'] }))],
  ['approval (approver view)', buildApprovalCard(approvalModel({ showActions: true, refreshUserIds: ['29:mats', '29:anna'] }))],
  ['approval (locked)', buildApprovalCard(approvalModel({ locked: true, showActions: false, refreshUserIds: [] }))],
  ['omedelbar justering (shared)', buildImmediateAdjustmentCard(adjustment({}), { kind: 'everyone' })],
  ['omedelbar justering (approver view)', buildImmediateAdjustmentCard(adjustment({}), { kind: 'approver' })],
  ['omedelbar justering (an approver without a Teams id: the button on the shared card)', buildImmediateAdjustmentCard(adjustment({ unknownApprover: true }), { kind: 'everyone' })],
  ['omedelbar justering (adjusted)', buildImmediateAdjustmentCard(adjustment({ adjusted: true }), { kind: 'approver' })],
];

function adjustment(options: { adjusted?: boolean; unknownApprover?: boolean }): AdjustmentState {
  return {
    meetingId: MEETING_ID, itemId: ITEM_ID, heading: '§ 14/25 Upphandling av *hemtjänst*',
    clauses: Array.from({ length: 25 }, (_, i) => `${i + 1}. Att anta tilldelningsbeslut ${i + 1} _enligt_ förslaget.`),
    approvers: [
      { name: 'Karin Berg', role: 'ordförande', approvedAt: options.adjusted ? '2025-03-12 kl. 14.16' : null, teamsUserId: '29:karin', memberId: MEMBER_IDS[0]! },
      { name: 'Lisa Berg', role: 'justerare', approvedAt: options.adjusted ? '2025-03-12 kl. 14.17' : null, teamsUserId: options.unknownApprover ? null : '29:lisa', memberId: MEMBER_IDS[1]! },
    ],
    adjusted: options.adjusted ?? false,
  };
}

function approvalModel(overrides: Partial<ApprovalCardModel>): ApprovalCardModel {
  return {
    meetingId: MEETING_ID, documentVersionId: uuid(900), title: 'Sammanträdesprotokoll LSVO 2024-02-16', versionLabel: 'Version 2',
    paragraphRange: '§15 - §28',
    paragraphs: Array.from({ length: 45 }, (_, i) => ({ label: `§ ${15 + i}`, title: i === 2 ? 'Vårdplatsflöde *(I/D)*' : `Ärende ${i + 1}` })),
    decisionCount: 4, openActionCount: 2, sha256: 'a'.repeat(64), documentUrl: 'https://protokoll.example.se/api/meetings/x/protokoll.docx',
    deadline: '2024-03-15 kl. 16.00', locked: false, showActions: false, refreshUserIds: [],
    approvers: [
      { name: 'Mats Wennstig', role: 'ordförande', state: 'approved', comment: null, at: '2024-03-14 kl. 10.12' },
      { name: 'Anna-Karin *Åkesson*', role: 'justerare', state: 'changes-requested', comment: 'Stavfel i § 17', at: '2024-03-14 kl. 11.00' },
    ],
    ...overrides,
  };
}

/** What a person would fill in before pressing a button, per input id. */
const TYPED: Record<string, string> = { conflicts: MEMBER_IDS[0]!, reservations: `${MEMBER_IDS[1]!},${MEMBER_IDS[0]!}`, reservationMotivation: 'Skäl', clauses: 'att godkänna rapporten', comment: 'Stavfel i § 17', text: 'Boka lokal', memberId: MEMBER_IDS[1]!, ownerMemberId: uuid(505) };

describe('every card the bot sends', () => {
  it.each(everyCard)('%s card should build as valid Adaptive Cards 1.5 under 28 KB', (_name, card) => {
    const result = expectValidCard(card);
    expect(result.version).toBe('1.5');
    expect(result.bytes).toBeLessThan(CARD_BYTE_LIMIT);
    expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
  });

  it.each(everyCard)('%s card: every button sends data its verb accepts', (_name, card) => {
    for (const action of actionsOf(card)) {
      expect(action.verb).toEqual(expect.any(String));
      expect(isVerb(action.verb)).toBe(true);
      const data = invokeData(card, action, TYPED);
      expect({ verb: action.verb, parsed: parseVerbData(action.verb as any, data) }).not.toMatchObject({ parsed: null });
    }
  });
});

describe('the validator', () => {
  it.each([
    ['an unknown element', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] }, /Unknown element type "Bogus"/],
    ['an unknown action', { type: 'AdaptiveCard', version: '1.5', body: [], actions: [{ type: 'Action.Bogus', title: 'x' }] }, /Unknown action type "Action.Bogus"/],
    ['an input without its required id', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', label: 'Text' }] }, /unique Id/],
    ['duplicate input ids', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', id: 'x' }, { type: 'Input.Text', id: 'x' }] }, /Duplicate Id "x"/],
    ['an invalid enum value', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', weight: 'Heavy' }] }, /weight/],
    ['a required input without label', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', id: 't', isRequired: true }] }, /label/],
    ['an empty choice set', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.ChoiceSet', id: 'c', choices: [] }] }, /at least one choice/],
    ['a wrong card type', { type: 'Kort', version: '1.5', body: [] }, /card type/],
    ['another version', { type: 'AdaptiveCard', version: '1.2', body: [{ type: 'TextBlock', text: 'x' }] }, /version 1\.2/],
    ['Action.Submit', { type: 'AdaptiveCard', version: '1.5', body: [], actions: [{ type: 'Action.Submit', title: 'Skicka' }] }, /Universal Action/],
    ['Action.Execute without verb', { type: 'AdaptiveCard', version: '1.5', body: [], actions: [{ type: 'Action.Execute', title: 'Spara' }] }, /without a verb/],
    ['a bad associatedInputs', { type: 'AdaptiveCard', version: '1.5', body: [], actions: [{ type: 'Action.Execute', title: 'a', verb: 'v', associatedInputs: 'ibland' }] }, /associatedInputs/],
    ['an empty TextBlock', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: ' ' }] }, /TextBlock without text/],
  ])('finds %s', (_name, json, message) => {
    expect(validateCard(json).findings.join('\n')).toMatch(message);
    expect(() => expectValidCard(json)).toThrow();
  });

  it('refuses a card over 28 KB', () => {
    const big = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'å'.repeat(15 * 1024) }] };
    expect(validateCard(big).findings).toEqual([]);
    expect(() => expectValidCard(big)).toThrow(/byte/);
  });
});
