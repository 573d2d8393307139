/** The one-click cards: a proposed action item, a choice between owners, and the help card. */
import { COMMAND_SYNTAX } from '../../../bot/src/core/commands/command';
import { buildActionProposalCard } from '../../../bot/src/cards/action-proposal.card';
import { buildOwnerChoiceCard, type OwnerChoiceCardModel } from '../../../bot/src/cards/owner-choice.card';
import { buildHelpCard } from '../../../bot/src/cards/help.card';
import { parseVerbData, Verbs } from '../../../bot/src/cards/verbs';
import { expectValidCard } from '../../support/adaptive-card-validator';
import { actionsOf, inputOf, invokeData, ITEM_ID, MEETING_ID, MEMBER_IDS, textsOf, uuid } from './fixtures';

describe('action proposal card', () => {
  const card = buildActionProposalCard({
    meetingId: MEETING_ID, itemId: ITEM_ID, reference: '§ 17', ownerMemberId: MEMBER_IDS[2]!, ownerName: 'Anna-Karin Åkesson', text: 'Tar fram en rutin för vårdplatser',
  });

  it('should build: the proposal and one button carrying it', () => {
    expectValidCard(card);
    expect(textsOf(card)[0]).toBe('Föreslagen åtgärd: Anna-Karin Åkesson – Tar fram en rutin för vårdplatser');
    const actions = actionsOf(card);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ title: 'Lägg till åtgärd', verb: Verbs.acceptProposedAction, associatedInputs: 'none' });
    expect(parseVerbData(Verbs.acceptProposedAction, invokeData(card, actions[0]!))).toEqual({
      meetingId: MEETING_ID, itemId: ITEM_ID, text: 'Tar fram en rutin för vårdplatser', ownerMemberId: MEMBER_IDS[2], ownerName: 'Anna-Karin Åkesson',
    });
  });
});

describe('owner choice card', () => {
  const model = (count: number): OwnerChoiceCardModel => ({
    query: 'Anna', meetingId: MEETING_ID, itemId: ITEM_ID, text: 'Boka lokal', dueDate: '2024-03-01',
    candidates: [
      { memberId: MEMBER_IDS[0]!, name: 'Anna-Karin Åkesson', description: 'socialchef, Karlskrona kommun' },
      { memberId: MEMBER_IDS[1]!, name: 'Anna Svensson', description: 'Region Blekinge' },
      ...Array.from({ length: Math.max(0, count - 2) }, (_, i) => ({ memberId: uuid(600 + i), name: `Anna ${i}`, description: '' })),
    ],
  });

  it('should build: the question and one button per candidate carrying the pending action', () => {
    const card = buildOwnerChoiceCard(model(2));
    expectValidCard(card);
    expect(textsOf(card)).toEqual(['Flera personer matchar ”Anna”: välj en', 'Åtgärd: Boka lokal, senast 2024-03-01']);
    const actions = actionsOf(card);
    expect(actions.map((a) => a.title)).toEqual(['Anna-Karin Åkesson – socialchef, Karlskrona kommun', 'Anna Svensson – Region Blekinge']);
    expect(actions.map((a) => parseVerbData(Verbs.chooseOwner, invokeData(card, a)))).toEqual([
      { meetingId: MEETING_ID, itemId: ITEM_ID, text: 'Boka lokal', dueDate: '2024-03-01', ownerMemberId: MEMBER_IDS[0] },
      { meetingId: MEETING_ID, itemId: ITEM_ID, text: 'Boka lokal', dueDate: '2024-03-01', ownerMemberId: MEMBER_IDS[1] },
    ]);
  });

  it('lists many candidates in a picker with one button', () => {
    const card = buildOwnerChoiceCard(model(8));
    expectValidCard(card);
    expect((inputOf(card, 'ownerMemberId')!.choices as unknown[])).toHaveLength(8);
    const [choose] = actionsOf(card);
    expect(choose).toMatchObject({ title: 'Välj', verb: Verbs.chooseOwner, associatedInputs: 'auto' });
    expect(parseVerbData(Verbs.chooseOwner, invokeData(card, choose!, { ownerMemberId: uuid(603) }))).toMatchObject({ ownerMemberId: uuid(603), text: 'Boka lokal' });
    expect(parseVerbData(Verbs.chooseOwner, invokeData(card, choose!))).toBeNull();
  });

  it('escapes the typed name', () => {
    expect(textsOf(buildOwnerChoiceCard({ ...model(2), query: '*Anna*' }))[0]).toBe('Flera personer matchar ”\\*Anna\\*”: välj en');
  });
});

describe('help card', () => {
  it('should build: every command of the syntax table with its description, shown as written', () => {
    const commands = Object.values(COMMAND_SYNTAX).map((c) => ({ syntax: c.syntax, description: c.description }));
    const card = buildHelpCard({ commands });
    expectValidCard(card);
    const texts = textsOf(card);
    expect(texts[0]).toBe('Protokoll – kommandon');
    expect(texts).toContain('grupp \\<namn\\>');
    expect(texts).toContain('Kopplar den här kanalen eller möteschatten till gruppen (skapas om den är ny).');
    expect(texts.length).toBe(2 + 2 * commands.length);
    expect(actionsOf(card)).toEqual([]);
  });
});
