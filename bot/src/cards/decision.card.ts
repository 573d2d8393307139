/**
 * Decision form: the paragraph (current preselected), the att-clauses one per line, who declares jäv
 * and who reserves themselves, and the quorum state right above the submit button so nobody records a
 * decision without seeing it.
 */
import { MAX_TEXT_LENGTH } from '../core/validators';
import { Verbs } from './verbs';
import {
  actionSet, card, choiceSet, container, executeAction, heading, paragraphPicker, textBlock, textInput,
  type AdaptiveCard, type CardElement, type ParagraphChoice,
} from './adaptive-card';
import { escapeMarkdown } from './escape';

export interface DecisionCardModel {
  meetingId: string;
  paragraphs: ParagraphChoice[];
  currentItemId: string | null;
  /** the phrase before "beslutar", e.g. "Samverkansgruppen" */
  decidingBody: string;
  quorate: boolean;
  /** `Beslutsför: Region Blekinge 3 av 4, …` / `Inte beslutsför: Karlskrona kommun 1 av 3 (krävs 2), …` */
  quorumLine: string;
  /** the members who may declare jäv or reserve themselves; none leaves the two pickers out */
  members?: Array<{ memberId: string; name: string }>;
}

/** Jäv (recorded before the clauses) and reservation (after them), picked from the members. */
function statementInputs(members: NonNullable<DecisionCardModel['members']>): CardElement[] {
  if (members.length === 0) return [];
  const choices = members.map((m) => ({ title: m.name, value: m.memberId }));
  return [
    choiceSet('conflicts', 'Jäv: deltar inte i paragrafen (valfritt)', choices, { isMultiSelect: true }),
    choiceSet('reservations', 'Reserverar sig mot beslutet (valfritt)', choices, { isMultiSelect: true }),
    textInput('reservationMotivation', 'Motivering till reservationen (valfri)', { isMultiline: true, maxLength: MAX_TEXT_LENGTH }),
  ];
}

export function buildDecisionCard(model: DecisionCardModel): AdaptiveCard {
  const picker = paragraphPicker(model.paragraphs, model.currentItemId);
  const body: CardElement[] = [
    heading('Beslut'),
    ...(picker ? [picker] : []),
    textBlock(`${escapeMarkdown(model.decidingBody)} beslutar`, { weight: 'Bolder', spacing: 'Medium' }),
    textInput('clauses', 'att … (en beslutssats per rad)', {
      isMultiline: true,
      isRequired: true,
      errorMessage: 'Skriv minst en beslutssats.',
      maxLength: MAX_TEXT_LENGTH,
      placeholder: 'godkänna föredragningslistan',
    }),
    ...statementInputs(model.members ?? []),
    container([
      textBlock(`${model.quorate ? '✅' : '⚠️'} ${escapeMarkdown(model.quorumLine)}`, { weight: model.quorate ? 'Default' : 'Bolder' }),
      ...(model.quorate ? [] : [textBlock('Beslutet registreras ändå. Protokollet säger inget om beslutsförheten om inte sekreteraren skriver det.', { size: 'Small', spacing: 'None' })]),
    ], { style: model.quorate ? 'good' : 'warning', spacing: 'Medium' }),
    actionSet([
      executeAction('Spara beslut', Verbs.recordDecision, { meetingId: model.meetingId }, { style: 'positive' }),
      // The same card becomes the action form: one card per message, both forms within reach.
      executeAction('Ny åtgärd …', Verbs.showActionForm, { meetingId: model.meetingId }, { associatedInputs: 'none' }),
    ]),
  ];
  return card(body);
}
