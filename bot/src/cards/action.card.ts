/** Action item form: what, who (from the roster, or a name typed in), by when, and from which paragraph. */
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../core/validators';
import { Verbs } from './verbs';
import {
  actionSet, card, choiceSet, dateInput, executeAction, heading, paragraphPicker, textInput,
  type AdaptiveCard, type CardElement, type ParagraphChoice,
} from './adaptive-card';

export interface ActionCardModel {
  meetingId: string;
  paragraphs: ParagraphChoice[];
  currentItemId: string | null;
  /** roster members to choose as ansvarig; `description` e.g. "verksamhetschef, Karlskrona kommun" */
  roster: Array<{ memberId: string; name: string; description?: string }>;
  /** prefilled text, e.g. from a typed `åtgärd` command */
  text?: string;
}

export function buildActionCard(model: ActionCardModel): AdaptiveCard {
  const picker = paragraphPicker(model.paragraphs, model.currentItemId);
  const owner: CardElement[] = model.roster.length
    ? [
        choiceSet('ownerMemberId', 'Ansvarig', model.roster.map((m) => ({
          title: m.description ? `${m.name} – ${m.description}` : m.name,
          value: m.memberId,
        })), { placeholder: 'Välj ur ledamotslistan' }),
        textInput('ownerName', 'eller ansvarig som inte finns i listan', { maxLength: MAX_NAME_LENGTH, spacing: 'Small' }),
      ]
    : [textInput('ownerName', 'Ansvarig', { maxLength: MAX_NAME_LENGTH })];
  const body: CardElement[] = [
    heading('Ny åtgärd'),
    ...(picker ? [picker] : []),
    textInput('text', 'Vad ska göras?', {
      isMultiline: true,
      isRequired: true,
      errorMessage: 'Beskriv åtgärden.',
      maxLength: MAX_TEXT_LENGTH,
      ...(model.text ? { value: model.text } : {}),
    }),
    ...owner,
    dateInput('dueDate', 'Senast'),
    actionSet([executeAction('Spara åtgärd', Verbs.recordAction, { meetingId: model.meetingId }, { style: 'positive' })]),
  ];
  return card(body);
}
