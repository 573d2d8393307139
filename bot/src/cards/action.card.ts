/** Action item form: text, owner from the roster (or free text), due date. */
import { Verbs } from '../teams/verbs';
import { card, choiceSet, executeAction, heading, textInput, type AdaptiveCard } from './adaptive-card';
import { escapeMarkdown } from './escape';

export interface ActionCardModel {
  reference: string;
  title: string;
  roster: Array<{ memberId: string; name: string }>;
}

export function buildActionCard(model: ActionCardModel): AdaptiveCard {
  return card(
    [
      heading(`Åtgärd – ${escapeMarkdown(model.reference)} ${escapeMarkdown(model.title)}`),
      textInput('text', 'Vad ska göras?', { isMultiline: true, isRequired: true, errorMessage: 'Beskriv åtgärden.', maxLength: 10000 }),
      choiceSet('ownerMemberId', 'Ansvarig', model.roster.map((m) => ({ title: m.name, value: m.memberId })), undefined, { placeholder: 'Välj ur ledamotslistan' }),
      textInput('ownerName', 'eller ansvarig som inte finns i listan', { maxLength: 200 }),
      { type: 'Input.Date', id: 'dueDate', label: 'Senast' },
    ],
    [executeAction('Spara åtgärd', Verbs.recordAction, {}, { associatedInputs: 'auto', style: 'positive' })],
  );
}
