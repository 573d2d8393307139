/**
 * `dagordning`: the numbered agenda with section headings, sub-points a) b), type tags, presenters
 * and carried-over items; the current paragraph highlighted during the meeting. Labels (`§ 15`,
 * `a)`) arrive formatted. A long agenda is cut to stay under Teams' 28 KB message limit, keeping
 * the current paragraph in view and saying how many paragraphs were left out.
 */
import type { AgendaEntryView, AgendaView } from '../core/use-cases/agenda-view';
import { Verbs } from './verbs';
import {
  card, cardBytes, clip, container, executeAction, heading, MAX_CARD_BYTES, textBlock, type AdaptiveCard, type CardElement,
} from './adaptive-card';
import { escapeMarkdown } from './escape';

export type AgendaCardModel = AgendaView;
export type AgendaCardEntry = AgendaEntryView;

const STATUS_TEXT: Record<AgendaView['status'], string> = {
  planerat: 'Planerat möte',
  pågår: 'Mötet pågår',
  utkast: 'Protokollutkast',
  justering: 'Under justering',
  justerat: 'Justerat',
  inställt: 'Mötet är inställt',
};

/** The agenda timer's plan after the title, `· 10 min` (it is for the meeting; the protokoll never prints it). */
const planned = (minutes: number | null | undefined) => (minutes ? ` · ${minutes} min` : '');

/** Display cap for one title; the stored title is never cut. */
const MAX_TITLE = 300;
/** Head room under the limit for the invoke response and activity envelope around the card. */
const DEFAULT_MAX_BYTES = MAX_CARD_BYTES - 1024;

/**
 * `notice`: what changed since the card was first posted (a moved meeting, an edited invitation),
 * shown under the date when the card is updated in place.
 */
export function buildAgendaCard(model: AgendaCardModel, maxBytes = DEFAULT_MAX_BYTES, notice: string | null = null): AdaptiveCard {
  const header: CardElement[] = [
    heading(`Dagordning – ${escapeMarkdown(clip(model.groupName, 150))}`),
    textBlock(`${model.dateLine} · ${STATUS_TEXT[model.status]}`, { isSubtle: true, spacing: 'None' }),
  ];
  if (notice) header.push(textBlock(escapeMarkdown(clip(notice, 2000)), { weight: 'Bolder', color: 'Attention' }));
  // A cancelled meeting's items went on to the next meeting: there is nothing to list, and nothing to add.
  if (model.entries.length === 0 && model.status !== 'inställt') header.push(textBlock('Dagordningen är tom. Lägg till punkter med ny punkt följt av rubriken.'));
  const actions = [executeAction('Uppdatera', Verbs.refreshAgenda, { meetingId: model.meetingId }, { associatedInputs: 'none' })];

  const blocks = entryBlocks(model.entries);
  const build = (from: number, to: number) => card([...header, ...window(blocks, from, to)], actions);
  const whole = build(0, blocks.length);
  if (cardBytes(whole) <= maxBytes) return whole;

  // Too long: show as many paragraphs as fit, starting early enough that the current one is shown.
  const current = Math.max(0, model.entries.findIndex(isCurrent));
  let from = 0;
  let to = 0;
  while (to < blocks.length && cardBytes(build(from, to + 1)) <= maxBytes) to++;
  if (current >= to) {
    from = Math.max(0, current - 2);
    to = from;
    while (to < blocks.length && cardBytes(build(from, to + 1)) <= maxBytes) to++;
    // reached the end with room to spare: show more of what came before
    while (to === blocks.length && from > 0 && cardBytes(build(from - 1, to)) <= maxBytes) from--;
  }
  return build(from, to);
}

const isCurrent = (entry: AgendaEntryView) => entry.current || entry.subPoints.some((s) => s.current);

interface EntryBlock {
  /** the section heading shown before this entry when the section changes */
  section: string | null;
  element: CardElement;
}

function window(blocks: EntryBlock[], from: number, to: number): CardElement[] {
  const elements: CardElement[] = [];
  if (from > 0) elements.push(textBlock(`… ${from} ${from === 1 ? 'punkt' : 'punkter'} före`, { isSubtle: true }));
  let section: string | null = null;
  for (const block of blocks.slice(from, to)) {
    if (block.section && block.section !== section) {
      elements.push(textBlock(escapeMarkdown(clip(block.section, MAX_TITLE)), { weight: 'Bolder', spacing: 'Medium' }));
    }
    section = block.section;
    elements.push(block.element);
  }
  const rest = blocks.length - to;
  if (rest > 0) elements.push(textBlock(`… och ${rest} ${rest === 1 ? 'punkt' : 'punkter'} till. Hela dagordningen finns i fliken.`, { isSubtle: true }));
  return elements;
}

function entryBlocks(entries: AgendaEntryView[]): EntryBlock[] {
  return entries.map((entry) => {
    const tag = `${entry.typeTag ? ` (${entry.typeTag})` : ''}${planned(entry.plannedMinutes)}`;
    const lines: CardElement[] = [
      textBlock(`${entry.current ? '▶ ' : ''}${escapeMarkdown(entry.label)} ${escapeMarkdown(clip(entry.title, MAX_TITLE))}${tag}`, {
        weight: entry.current ? 'Bolder' : 'Default',
        spacing: 'None',
      }),
    ];
    if (entry.carriedOver) lines.push(textBlock('Från tidigare möte', { isSubtle: true, size: 'Small', spacing: 'None' }));
    if (entry.presenters.length) {
      lines.push(textBlock(`Föredragande: ${escapeMarkdown(clip(entry.presenters.join(', '), MAX_TITLE))}`, { isSubtle: true, size: 'Small', spacing: 'None' }));
    }
    for (const sub of entry.subPoints) {
      lines.push(textBlock(`${sub.current ? '▶ ' : ''}${escapeMarkdown(sub.label)} ${escapeMarkdown(clip(sub.title, MAX_TITLE))}${sub.typeTag ? ` (${sub.typeTag})` : ''}${planned(sub.plannedMinutes)}`, {
        spacing: 'None',
        weight: sub.current ? 'Bolder' : 'Default',
      }));
    }
    return { section: entry.section, element: container(lines, { spacing: 'Small', ...(isCurrent(entry) ? { style: 'emphasis' } : {}) }) };
  });
}
