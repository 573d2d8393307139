/** The decision and action forms. */
import { buildDecisionCard, type DecisionCardModel } from '../../../bot/src/cards/decision.card';
import { buildActionCard } from '../../../bot/src/cards/action.card';
import { parseVerbData, Verbs } from '../../../bot/src/cards/verbs';
import { expectValidCard } from '../../support/adaptive-card-validator';
import { actionsOf, elementsOf, inputOf, invokeData, ITEM_ID, MEETING_ID, MEMBER_IDS, PARAGRAPHS, ROSTER, textsOf, uuid } from './fixtures';

const decision = (overrides: Partial<DecisionCardModel> = {}) => buildDecisionCard({
  meetingId: MEETING_ID,
  paragraphs: PARAGRAPHS,
  currentItemId: ITEM_ID,
  decidingBody: 'Samverkansgruppen',
  quorate: true,
  quorumLine: 'Beslutsför: Region Blekinge 3 av 4, Karlskrona kommun 2 av 3',
  ...overrides,
});

describe('decision card', () => {
  it('should build: paragraph picker with the current paragraph chosen, the clauses, the quorum, Spara beslut', () => {
    const card = decision();
    expectValidCard(card);
    expect(inputOf(card, 'itemId')).toMatchObject({
      type: 'Input.ChoiceSet',
      value: ITEM_ID,
      choices: [
        { title: '§ 15 Godkännande av föredragningslista', value: PARAGRAPHS[0]!.itemId },
        { title: '§ 16 Föregående mötesanteckningar', value: PARAGRAPHS[1]!.itemId },
        { title: '§ 17 Vårdplatsflöde', value: ITEM_ID },
      ],
    });
    expect(inputOf(card, 'clauses')).toMatchObject({ type: 'Input.Text', isMultiline: true, isRequired: true });
    expect(textsOf(card)).toEqual(expect.arrayContaining(['Samverkansgruppen beslutar', '✅ Beslutsför: Region Blekinge 3 av 4, Karlskrona kommun 2 av 3']));
  });

  it('shows the quorum right above the submit button, as a warning when not quorate', () => {
    const card = decision({ quorate: false, quorumLine: 'Inte beslutsför: Karlskrona kommun 1 av 3 (krävs 2)' });
    const types = card.body.map((e) => e.type);
    expect(types.slice(-2)).toEqual(['Container', 'ActionSet']);
    expect(card.body.at(-2)).toMatchObject({ style: 'warning' });
    expect(textsOf(card)).toContain('⚠️ Inte beslutsför: Karlskrona kommun 1 av 3 (krävs 2)');
  });

  it('submits meeting, paragraph and clauses', () => {
    const card = decision();
    const [save] = actionsOf(card);
    expect(save).toMatchObject({ title: 'Spara beslut', verb: Verbs.recordDecision, data: { meetingId: MEETING_ID }, associatedInputs: 'auto' });
    const typed = { clauses: 'godkänna föredragningslistan\natt lägga rapporten till handlingarna' };
    expect(parseVerbData(Verbs.recordDecision, invokeData(card, save!, typed))).toEqual({ meetingId: MEETING_ID, itemId: ITEM_ID, ...typed, conflicts: null, reservations: null, reservationMotivation: null });
    expect(parseVerbData(Verbs.recordDecision, invokeData(card, save!))).toBeNull();
  });

  it('preselects the first paragraph when none is current, and has no picker without paragraphs', () => {
    expect(inputOf(decision({ currentItemId: null }), 'itemId')).toMatchObject({ value: PARAGRAPHS[0]!.itemId });
    const card = decision({ paragraphs: [], currentItemId: null });
    expectValidCard(card);
    expect(inputOf(card, 'itemId')).toBeUndefined();
  });
});

describe('action card', () => {
  it('should build: paragraph, text, owner from the roster or typed, due date, Spara åtgärd', () => {
    const card = buildActionCard({ meetingId: MEETING_ID, paragraphs: PARAGRAPHS, currentItemId: ITEM_ID, roster: ROSTER });
    expectValidCard(card);
    expect(elementsOf(card).filter((e) => e.type.startsWith('Input.')).map((e) => [e.id, e.type])).toEqual([
      ['itemId', 'Input.ChoiceSet'],
      ['text', 'Input.Text'],
      ['ownerMemberId', 'Input.ChoiceSet'],
      ['ownerName', 'Input.Text'],
      ['dueDate', 'Input.Date'],
    ]);
    expect((inputOf(card, 'ownerMemberId')!.choices as any[])[2]).toEqual({ title: 'Anna-Karin Åkesson – socialchef, Karlskrona kommun', value: MEMBER_IDS[2] });
    const [save] = actionsOf(card);
    expect(save).toMatchObject({ verb: Verbs.recordAction, data: { meetingId: MEETING_ID } });
    expect(parseVerbData(Verbs.recordAction, invokeData(card, save!, { text: 'Boka lokal', ownerMemberId: MEMBER_IDS[2]!, dueDate: '2024-03-01' }))).toEqual({
      meetingId: MEETING_ID, itemId: ITEM_ID, text: 'Boka lokal', ownerMemberId: MEMBER_IDS[2], ownerName: null, dueDate: '2024-03-01',
    });
    expect(parseVerbData(Verbs.recordAction, invokeData(card, save!, { text: 'Boka lokal', ownerName: 'Vaktmästaren' }))).toMatchObject({ ownerMemberId: null, ownerName: 'Vaktmästaren', dueDate: null });
  });

  it('asks for a typed owner when there is no roster, and keeps prefilled text', () => {
    const card = buildActionCard({ meetingId: MEETING_ID, paragraphs: PARAGRAPHS, currentItemId: null, roster: [], text: 'Skicka ut kallelsen' });
    expectValidCard(card);
    expect(inputOf(card, 'ownerMemberId')).toBeUndefined();
    expect(inputOf(card, 'ownerName')).toMatchObject({ label: 'Ansvarig' });
    expect(inputOf(card, 'text')).toMatchObject({ value: 'Skicka ut kallelsen' });
  });

  it('a roster of 80 stays under 28 KB', () => {
    const roster = Array.from({ length: 80 }, (_, i) => ({ memberId: uuid(i), name: `Anna-Karin Åkesson ${i}`, description: 'verksamhetschef, Karlskrona kommun' }));
    expectValidCard(buildActionCard({ meetingId: MEETING_ID, paragraphs: PARAGRAPHS, currentItemId: ITEM_ID, roster }));
  });
});
