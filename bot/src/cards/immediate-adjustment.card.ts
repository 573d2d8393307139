/**
 * Omedelbar justering of one paragraph: its decision clauses, each approver's state and, for the
 * chair and the justerare (their own view, Universal Actions' refresh.userIds), the Justera button.
 * Once everyone has approved the card says the paragraph is adjusted and locked.
 */
import type { AdjustmentState } from '../core/use-cases/immediate-adjustment';
import { Verbs } from './verbs';
import { actionSet, card, clip, container, executeAction, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { escapeMarkdown } from './escape';

/** A paragraph's clauses on the card; the protokoll has them all. */
const MAX_LISTED_CLAUSES = 20;
const MAX_CLAUSE_CHARS = 600;

/** Who looks: anyone (the card posted in the chat), or one of the approvers (their own view, with the button). */
export type AdjustmentViewer = { kind: 'everyone' } | { kind: 'approver' };

export function buildImmediateAdjustmentCard(state: AdjustmentState, viewer: AdjustmentViewer): AdaptiveCard {
  const clauses = state.clauses.slice(0, MAX_LISTED_CLAUSES).map((c) => textBlock(escapeMarkdown(clip(c, MAX_CLAUSE_CHARS)), { spacing: 'None' }));
  if (state.clauses.length > MAX_LISTED_CLAUSES) clauses.push(textBlock(`… och ${state.clauses.length - MAX_LISTED_CLAUSES} beslutssatser till`, { isSubtle: true, spacing: 'None' }));
  const body: CardElement[] = [
    heading(`Omedelbar justering: ${escapeMarkdown(state.heading)}`),
    textBlock(state.adjusted
      ? '🔒 Paragrafen förklaras omedelbart justerad. Dess beslut och åtgärder gäller nu.'
      : 'Ordföranden och justerarna justerar paragrafen här, innan protokollet justeras i sin helhet.', { isSubtle: !state.adjusted, weight: state.adjusted ? 'Bolder' : 'Default', spacing: 'None' }),
    container(clauses, { spacing: 'Medium' }),
    container(state.approvers.map((a) => textBlock(`${escapeMarkdown(a.name)} (${a.role}): ${a.approvedAt ? `✅ justerat ${a.approvedAt}` : '⏳ väntar'}`, { spacing: 'None' })), { spacing: 'Medium' }),
  ];
  const data = { meetingId: state.meetingId, itemId: state.itemId };
  const knownIds = state.approvers.map((a) => a.teamsUserId).filter((id): id is string => !!id);
  // Without every approver's Teams id someone would never get their own view: the button stays on the
  // shared card, and the server still refuses anyone but the approvers.
  const showButton = !state.adjusted && (viewer.kind === 'approver' || knownIds.length < state.approvers.length);
  if (showButton) body.push(actionSet([executeAction('Justera paragrafen', Verbs.approveParagraph, data, { associatedInputs: 'none', style: 'positive' })]));
  const refresh = executeAction('Uppdatera', Verbs.refreshParagraphAdjustment, data, { associatedInputs: 'none' });
  const userSpecific = !state.adjusted && knownIds.length > 0 ? { action: refresh, userIds: knownIds } : undefined;
  return card(body, [refresh], userSpecific);
}
