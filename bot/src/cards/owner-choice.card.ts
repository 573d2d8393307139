/**
 * `åtgärd … ansvarig Anna` matched several people: choose one. Nothing is stored until then; each
 * choice carries the whole pending action. Up to five candidates get a button each (Teams shows
 * few buttons side by side); more get a list and one button.
 */
import { Verbs } from './verbs';
import { actionSet, card, choiceSet, clip, executeAction, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { escapeMarkdown } from './escape';

export interface OwnerChoiceCardModel {
  /** the name as typed after `ansvarig` */
  query: string;
  meetingId: string;
  itemId: string;
  text: string;
  dueDate: string | null;
  candidates: Array<{ memberId: string; name: string; description: string }>;
}

const MAX_BUTTONS = 5;

export function buildOwnerChoiceCard(model: OwnerChoiceCardModel): AdaptiveCard {
  const { meetingId, itemId, text, dueDate } = model;
  const pending = { meetingId, itemId, text, dueDate };
  const label = (c: OwnerChoiceCardModel['candidates'][number]) => clip(c.description ? `${c.name} – ${c.description}` : c.name, 100);
  const body: CardElement[] = [
    textBlock(`Flera personer matchar ”${escapeMarkdown(clip(model.query, 120))}”: välj en`, { weight: 'Bolder' }),
    textBlock(`Åtgärd: ${escapeMarkdown(clip(text, 2000))}${dueDate ? `, senast ${dueDate}` : ''}`, { spacing: 'None' }),
  ];
  if (model.candidates.length <= MAX_BUTTONS) {
    body.push(actionSet(model.candidates.map((c) =>
      executeAction(label(c), Verbs.chooseOwner, { ...pending, ownerMemberId: c.memberId }, { associatedInputs: 'none' }))));
  } else {
    body.push(choiceSet('ownerMemberId', 'Ansvarig', model.candidates.map((c) => ({ title: label(c), value: c.memberId })), {
      isRequired: true,
      errorMessage: 'Välj en person i listan.',
      placeholder: 'Välj person',
    }));
    body.push(actionSet([executeAction('Välj', Verbs.chooseOwner, pending)]));
  }
  return card(body);
}
