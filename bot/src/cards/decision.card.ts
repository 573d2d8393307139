/** Decision form: att-clauses, one per line, for the current paragraph, with the quorum state shown first. */
import { Verbs } from '../teams/verbs';
import { card, container, executeAction, heading, textBlock, textInput, type AdaptiveCard } from './adaptive-card';
import { escapeMarkdown } from './escape';

export interface DecisionCardModel {
  reference: string;
  title: string;
  decidingBody: string;
  quorate: boolean;
  quorumLine: string;
}

export function buildDecisionCard(model: DecisionCardModel): AdaptiveCard {
  return card(
    [
      heading(`Beslut – ${escapeMarkdown(model.reference)} ${escapeMarkdown(model.title)}`),
      container([textBlock(`${model.quorate ? '✅' : '⚠️'} ${escapeMarkdown(model.quorumLine)}`)], { style: model.quorate ? 'good' : 'warning' }),
      textBlock(`${escapeMarkdown(model.decidingBody)} beslutar`, { weight: 'Bolder' }),
      textInput('clauses', 'att … (en beslutssats per rad)', {
        isMultiline: true,
        isRequired: true,
        errorMessage: 'Skriv minst en beslutssats.',
        maxLength: 10000,
        placeholder: 'godkänna för sammanträdet upprättad dagordning',
      }),
    ],
    [executeAction('Spara beslut', Verbs.recordDecision, {}, { associatedInputs: 'auto', style: 'positive' })],
  );
}
