/** `ansvarig Anna` matched several people: one button per candidate; nothing is stored until one is chosen. */
import { Verbs } from '../teams/verbs';
import { card, executeAction, textBlock, type AdaptiveCard } from './adaptive-card';
import { escapeMarkdown } from './escape';

export interface OwnerChoiceCardModel {
  query: string;
  meetingId: string;
  itemId: string;
  text: string;
  dueDate: string | null;
  candidates: Array<{ memberId: string; name: string; description: string }>;
}

export function buildOwnerChoiceCard(model: OwnerChoiceCardModel): AdaptiveCard {
  return card(
    [
      textBlock(`Flera personer matchar "${escapeMarkdown(model.query)}": välj en`, { weight: 'Bolder' }),
      textBlock(`Åtgärd: ${escapeMarkdown(model.text)}${model.dueDate ? `, senast ${model.dueDate}` : ''}`, { spacing: 'None' }),
      ...model.candidates.map((c) => textBlock(`${escapeMarkdown(c.name)}${c.description ? ` – ${escapeMarkdown(c.description)}` : ''}`, { isSubtle: true, spacing: 'None' })),
    ],
    model.candidates.map((c) =>
      executeAction(c.name, Verbs.chooseOwner, { text: model.text, ownerMemberId: c.memberId, itemId: model.itemId, dueDate: model.dueDate }),
    ),
  );
}
