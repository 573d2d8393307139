/** The numbered agenda, sections and sub-points; the current paragraph highlighted during the meeting. */
import type { AgendaView } from '../core/use-cases/agenda-view';
import { Verbs } from '../teams/verbs';
import { card, cardBytes, container, executeAction, heading, MAX_CARD_BYTES, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { escapeMarkdown } from './escape';

const STATUS_TEXT: Record<AgendaView['status'], string> = {
  planerat: 'Planerat möte',
  pågår: 'Mötet pågår',
  utkast: 'Protokollutkast',
  justering: 'Under justering',
  justerat: 'Justerat',
};

export function buildAgendaCard(view: AgendaView, maxBytes = MAX_CARD_BYTES - 1024): AdaptiveCard {
  const entries = entryElements(view);
  const header = [
    heading(`Dagordning – ${escapeMarkdown(view.groupName)}`),
    textBlock(`${view.dateLine} · ${STATUS_TEXT[view.status]}`, { isSubtle: true, spacing: 'None' }),
  ];
  const actions = [executeAction('Uppdatera', Verbs.refreshAgenda, {})];
  // Keep under Teams' message limit: drop entries from the end and say how many were left out.
  for (let shown = entries.length; shown >= 0; shown--) {
    const rest = entries.length - shown;
    const body = [...header, ...entries.slice(0, shown), ...(rest ? [textBlock(`… och ${rest} punkter till. Se hela dagordningen i fliken.`, { isSubtle: true })] : [])];
    const built = card(body, actions);
    if (cardBytes(built) <= maxBytes) return built;
  }
  return card(header, actions);
}

function entryElements(view: AgendaView): CardElement[] {
  const elements: CardElement[] = [];
  let section: string | null = null;
  for (const entry of view.entries) {
    if (entry.section && entry.section !== section) {
      elements.push(textBlock(escapeMarkdown(entry.section), { weight: 'Bolder', spacing: 'Medium' }));
    }
    section = entry.section;
    const tag = entry.typeTag ? ` (${entry.typeTag})` : '';
    const carried = entry.carriedOver ? ' · från tidigare möte' : '';
    const lines: CardElement[] = [
      textBlock(`${entry.current ? '▶ ' : ''}${escapeMarkdown(entry.label)} ${escapeMarkdown(entry.title)}${tag}${carried}`, {
        weight: entry.current ? 'Bolder' : 'Default',
        spacing: 'None',
      }),
    ];
    if (entry.presenters.length) {
      lines.push(textBlock(`Föredragande: ${escapeMarkdown(entry.presenters.join(', '))}`, { isSubtle: true, size: 'Small', spacing: 'None' }));
    }
    for (const sub of entry.subPoints) {
      lines.push(textBlock(`${sub.current ? '▶ ' : ''}${sub.label} ${escapeMarkdown(sub.title)}`, {
        spacing: 'None',
        weight: sub.current ? 'Bolder' : 'Default',
      }));
    }
    elements.push(container(lines, {
      spacing: 'Small',
      ...(entry.current || entry.subPoints.some((s) => s.current) ? { style: 'emphasis' } : {}),
    }));
  }
  return elements;
}
