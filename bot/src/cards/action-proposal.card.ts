/** A decision clause that names a member and a verb: propose it as an action item, one click to accept. */
import { Verbs } from '../teams/verbs';
import { card, executeAction, textBlock, type AdaptiveCard } from './adaptive-card';
import { escapeMarkdown } from './escape';

export interface ActionProposalCardModel {
  meetingId: string;
  itemId: string;
  reference: string;
  ownerMemberId: string;
  ownerName: string;
  text: string;
}

export function buildActionProposalCard(model: ActionProposalCardModel): AdaptiveCard {
  return card(
    [
      textBlock('Föreslagen åtgärd', { weight: 'Bolder' }),
      textBlock(`${escapeMarkdown(model.ownerName)} – ${escapeMarkdown(model.text)}`, { spacing: 'None' }),
      textBlock(`Från ${escapeMarkdown(model.reference)}. Lägg till den som åtgärd med ansvarig?`, { isSubtle: true, spacing: 'None' }),
    ],
    [executeAction('Lägg till åtgärd', Verbs.acceptProposedAction, { text: model.text, ownerMemberId: model.ownerMemberId, itemId: model.itemId })],
  );
}
