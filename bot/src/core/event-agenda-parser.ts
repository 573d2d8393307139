/**
 * The agenda a secretary wrote in the meeting invitation → the meeting's own items.
 *
 *   parseEventAgenda(body) → OwnItemDraft[]   (for composeAgenda, which adds the standard items)
 *
 * What counts as an item, as invitations in the reference minutes are written:
 *   - an entry of a top-level numbered or bulleted list; entries of a nested list are its sub-points;
 *   - outside lists, a line starting `1.`, `1)`, `§ 3`, `-` or `•`, or any line ending in a type tag
 *     `(I)`, `(D)`, `(B)`, `(I/D/B)`;
 *   - `a) …`, `b) …` lines are sub-points of the item before them;
 *   - `Föredragande: Namn, Namn` (own line, or after a dash on the item's line) names its presenters;
 *   - a line in capitals (`ÄRENDEN FÖR BESLUT`) is a section heading for the items after it.
 * Everything else (greetings, prose) is left out, and so is everything from Teams' join block on
 * (the `____` rule or "Microsoft Teams"-line that Teams appends to every invitation).
 */
import type { ItemTypeTag } from './model';
import type { OwnItemDraft } from './standard-items';
import { bodyLines, type BodyLine } from './html-lines';
import { MAX_TITLE_LENGTH } from './validators';

/** An invitation is short; a pasted document must not become a thousand agenda items. */
export const MAX_EVENT_ITEMS = 100;

const TEAMS_BLOCK = /^(_{5,}|microsoft teams(-möte| meeting)?\b|anslut till mötet|join (on your computer|the meeting)|mötes-id|meeting id)/i;
const NUMBERED = /^(?:§\s*\d{1,3}\s+|\d{1,3}\s*[.):]\s+)(.+)$/;
const BULLET = /^[-–•*·▪◦]\s+(.+)$/;
const SUB_POINT = /^[a-zåäö]\)\s+(.+)$/i;
const PRESENTERS = /^föredragande\s*:\s*(.+)$/i;
/** `Budget – Föredragande: Anna Berg` */
const DASH_PRESENTERS = /\s+[-–—]\s*föredragande\s*:\s*(.+)$/i;
/**
 * `Budget (Föredragande: Anna Berg)`. Only tried on the text up to its last `)`: without one after
 * it, `[^)]+` would read to the end of the line from every `(föredragande:` in it.
 */
const PAREN_PRESENTERS = /\s*\(föredragande\s*:\s*([^)]+)\)/i;
const TAG = /\s*\(\s*([idb](?:\s*\/\s*[idb])*)\s*\)\s*[.:]?$/i;
const AGENDA_TITLES = /^(dagordning|föredragningslista|agenda)\b/i;

export function parseEventAgenda(body: { contentType: 'html' | 'text'; content: string }): OwnItemDraft[] {
  const items: Array<OwnItemDraft & { subPoints: string[]; presenters: string[] }> = [];
  let section: string | null = null;
  for (const line of untilTeamsBlock(bodyLines(body))) {
    const presenters = PRESENTERS.exec(line.text);
    if (presenters) {
      // one by one: spreading a pasted list of a hundred thousand names into push() overflows the stack
      const item = items.at(-1);
      if (item) for (const name of names(presenters[1]!)) item.presenters.push(name);
      continue;
    }
    const kind = classify(line);
    if (kind.type === 'section') section = kind.text;
    if (kind.type === 'sub' && items.length > 0) {
      const sub = title(kind.text);
      if (sub.title) items.at(-1)!.subPoints.push(sub.title);
    }
    if (kind.type === 'main' || (kind.type === 'sub' && items.length === 0)) {
      // the rest of a pasted document is not read: its sub-points would not belong to the last item kept
      if (items.length >= MAX_EVENT_ITEMS) break;
      const item = title(kind.text);
      if (item.title) {
        items.push({ title: item.title, typeTag: item.typeTag, section, subPoints: [], presenters: item.presenters, ...(item.plannedMinutes ? { plannedMinutes: item.plannedMinutes } : {}) });
      }
    }
  }
  return items;
}

type Classified = { type: 'main' | 'sub' | 'section'; text: string } | { type: 'prose' };

function classify(line: BodyLine): Classified {
  if (line.depth >= 2) return { type: 'sub', text: stripLabel(line.text) };
  if (line.depth === 1) {
    const sub = SUB_POINT.exec(line.text);
    return sub ? { type: 'sub', text: sub[1]! } : { type: 'main', text: stripLabel(line.text) };
  }
  const numbered = NUMBERED.exec(line.text) ?? BULLET.exec(line.text);
  if (numbered) return { type: 'main', text: numbered[1]! };
  const sub = SUB_POINT.exec(line.text);
  if (sub) return { type: 'sub', text: sub[1]! };
  if (TAG.test(line.text)) return { type: 'main', text: line.text };
  if (isSectionHeading(line.text)) return { type: 'section', text: line.text.replace(/[:.]$/, '').trim() };
  return { type: 'prose' };
}

/** A list entry typed with its own number or letter ("1. Budget" inside an `<ol>`) keeps only the title. */
const stripLabel = (text: string) => text.replace(/^(?:§\s*\d{1,3}\s+|\d{1,3}\s*[.):]\s+|[a-zåäö]\)\s+|[-–•*·]\s+)/i, '');

function isSectionHeading(text: string): boolean {
  if (text.length > 120) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toLocaleUpperCase('sv-SE') && !AGENDA_TITLES.test(text);
}

function untilTeamsBlock(lines: BodyLine[]): BodyLine[] {
  const end = lines.findIndex((line) => TEAMS_BLOCK.test(line.text));
  return end < 0 ? lines : lines.slice(0, end);
}

/** `(10 min)`, `(10 minuter)` after an item: its planned time, before or after the type tag. */
const PLANNED_MINUTES = /\s*\((\d{1,3})\s*min(?:uter)?\.?\)\s*/i;

function title(raw: string): { title: string; typeTag: ItemTypeTag | null; presenters: string[]; plannedMinutes: number | null } {
  let text = raw.trim();
  let plannedMinutes: number | null = null;
  const minutes = PLANNED_MINUTES.exec(text);
  if (minutes && Number(minutes[1]) >= 1 && Number(minutes[1]) <= 600) {
    plannedMinutes = Number(minutes[1]);
    text = `${text.slice(0, minutes.index)} ${text.slice(minutes.index + minutes[0].length)}`.trim();
  }
  let presenters: string[] = [];
  const inline = inlinePresenters(text);
  if (inline) {
    presenters = names(inline[1]!);
    text = text.slice(0, inline.index) + text.slice(inline.index + inline[0].length);
  }
  let typeTag: ItemTypeTag | null = null;
  const tag = TAG.exec(text);
  if (tag) {
    typeTag = canonicalTag(tag[1]!);
    text = text.slice(0, tag.index);
  }
  text = text.replace(/\s*[:]$/, '').trim().slice(0, MAX_TITLE_LENGTH);
  return { title: text, typeTag, presenters, plannedMinutes };
}

/** The earlier of the two ways to name presenters on the item's line (the dash form when both start at once). */
function inlinePresenters(text: string): RegExpExecArray | null {
  const dash = DASH_PRESENTERS.exec(text);
  const lastClose = text.lastIndexOf(')');
  const paren = lastClose < 0 ? null : PAREN_PRESENTERS.exec(text.slice(0, lastClose + 1));
  return paren && (!dash || paren.index < dash.index) ? paren : dash;
}

function canonicalTag(inside: string): ItemTypeTag {
  const letters = new Set(inside.toUpperCase().split('/').map((l) => l.trim()));
  return (['I', 'D', 'B'] as const).filter((l) => letters.has(l)).join('/') as ItemTypeTag;
}

const names = (text: string) => text.split(/\s*(?:,|\boch\b)\s*/).map((n) => n.trim().replace(/\.$/, '')).filter(Boolean);
