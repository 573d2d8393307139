/**
 * What was just recorded: a title, the paragraph it belongs to, the recorded lines (for example the
 * clauses as `att …`) and an optional warning (for example: not quorate, with the count per bloc).
 */
import { card, clip, container, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { escapeMarkdown } from './escape';

export interface ReceiptCardModel {
  /** what happened, e.g. "Beslut registrerat" (written by the bot, not user text) */
  title: string;
  /** the paragraph, formatted: "§ 16 Vårdplatsflöde" */
  reference: string;
  /** user text, one block each, e.g. "att godkänna föredragningslistan" */
  lines: string[];
  warning?: { text: string; details?: string[] } | null;
}

const MAX_LINE = 2000;
const MAX_LINES = 20;

export function buildReceiptCard(model: ReceiptCardModel): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(`✔️ ${escapeMarkdown(model.title)}`, { weight: 'Bolder' }),
    textBlock(escapeMarkdown(model.reference), { isSubtle: true, spacing: 'None' }),
    ...model.lines.slice(0, MAX_LINES).map((line) => textBlock(escapeMarkdown(clip(line, MAX_LINE)), { spacing: 'Small' })),
  ];
  const rest = model.lines.length - MAX_LINES;
  if (rest > 0) body.push(textBlock(`… och ${rest} till`, { isSubtle: true }));
  if (model.warning) {
    body.push(container([
      textBlock(`⚠️ ${escapeMarkdown(model.warning.text)}`, { weight: 'Bolder' }),
      ...(model.warning.details ?? []).map((detail) => textBlock(escapeMarkdown(detail), { spacing: 'None', size: 'Small' })),
    ], { style: 'warning', spacing: 'Medium' }));
  }
  return card(body);
}
