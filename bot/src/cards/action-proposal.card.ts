/** A decision clause names a member and a task: propose it as an action item, accepted with one click. */
import { Verbs } from './verbs';
import { card, clip, executeAction, textBlock, type AdaptiveCard } from './adaptive-card';
import { escapeMarkdown } from './escape';

export interface ActionProposalCardModel {
  meetingId: string;
  itemId: string;
  /** the paragraph, formatted: "§ 16" */
  reference: string;
  ownerMemberId: string;
  ownerName: string;
  text: string;
}

export function buildActionProposalCard(model: ActionProposalCardModel): AdaptiveCard {
  const { meetingId, itemId, text, ownerMemberId, ownerName } = model;
  return card(
    [
      textBlock(`Föreslagen åtgärd: ${escapeMarkdown(clip(ownerName, 120))} – ${escapeMarkdown(clip(text, 2000))}`, { weight: 'Bolder' }),
      textBlock(`Från beslutet i ${escapeMarkdown(model.reference)}. Ingenting sparas förrän du väljer Lägg till åtgärd.`, { isSubtle: true, spacing: 'None' }),
    ],
    [executeAction('Lägg till åtgärd', Verbs.acceptProposedAction, { meetingId, itemId, text, ownerMemberId, ownerName }, { associatedInputs: 'none' })],
  );
}
