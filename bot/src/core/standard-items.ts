/**
 * The standard items every meeting has, generated around the meeting's own items:
 *   head (headKinds(group)): Godkännande av dagordning · Föregående sammanträdesprotokoll ·
 *                            Val av justerare samt tid för justering (only when the group elects one)
 *   …the meeting's own items, then anything carried over…
 *   tail (TAIL_KINDS):       Övriga frågor · Nästa sammanträde (always last)
 * STANDARD_TITLES gives each kind its Swedish title as printed in the protokoll.
 *
 *   composeAgenda({ group, ownItems, carriedOver }) → AgendaDraftItem[]   the whole agenda in the
 *     order to number it: head, own items (with their sections), carried-over items, tail.
 *   standardKindOf(title) → the kind a typed title names ("Övrigt", "Godkännande av dagordningen"), or null
 */
import type { Group, ItemTypeTag, StandardItemKind } from './model';
import type { CarriedItem } from './carry-over';

export const STANDARD_TITLES: Record<StandardItemKind, string> = {
  'approve-agenda': 'Godkännande av dagordning',
  'previous-minutes': 'Föregående sammanträdesprotokoll',
  'elect-adjuster': 'Val av justerare samt tid för justering',
  'other-business': 'Övriga frågor',
  'next-meeting': 'Nästa sammanträde',
};

/** Before the meeting's own items. */
export function headKinds(group: Pick<Group, 'electsAdjuster'>): StandardItemKind[] {
  return group.electsAdjuster ? ['approve-agenda', 'previous-minutes', 'elect-adjuster'] : ['approve-agenda', 'previous-minutes'];
}

/** After the meeting's own items (and anything carried over). */
export const TAIL_KINDS: readonly StandardItemKind[] = ['other-business', 'next-meeting'];

/** A main item of an agenda not yet stored; sub-points are their titles, labelled a), b), … in order. */
export interface AgendaDraftItem {
  title: string;
  typeTag: ItemTypeTag | null;
  standardKind: StandardItemKind | null;
  section: string | null;
  subPoints: string[];
  carriedFromItemId: string | null;
  presenters: string[];
  /** `(10 min)` after the item in the invitation: the agenda timer's plan */
  plannedMinutes?: number;
}

/** A meeting's own item as parsed from the invitation or added with `ny punkt`; only the title is required. */
export type OwnItemDraft = Pick<AgendaDraftItem, 'title'> & Partial<Omit<AgendaDraftItem, 'title' | 'standardKind'>>;

/** How invitations spell the standard items (compared after normalising case, spaces and a trailing `:` or `.`). */
const STANDARD_SPELLINGS: Record<StandardItemKind, readonly string[]> = {
  'approve-agenda': ['godkännande av dagordning', 'godkännande av dagordningen', 'godkännande av föredragningslista', 'godkännande av föredragningslistan'],
  'previous-minutes': ['föregående sammanträdesprotokoll', 'föregående protokoll', 'föregående mötesprotokoll'],
  'elect-adjuster': ['val av justerare samt tid för justering', 'val av justerare'],
  'other-business': ['övriga frågor', 'övrigt'],
  'next-meeting': ['nästa sammanträde', 'nästa möte'],
};

const normaliseTitle = (title: string) =>
  title.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/\s*[:.]$/, '').toLocaleLowerCase('sv-SE');

/** The standard item a title names, so an invitation that lists "Övriga frågor" does not get it twice. */
export function standardKindOf(title: string): StandardItemKind | null {
  const wanted = normaliseTitle(title);
  const kinds = Object.keys(STANDARD_SPELLINGS) as StandardItemKind[];
  return kinds.find((kind) => STANDARD_SPELLINGS[kind].includes(wanted)) ?? null;
}

const standardItem = (kind: StandardItemKind): AgendaDraftItem => ({
  title: STANDARD_TITLES[kind], typeTag: null, standardKind: kind, section: null, subPoints: [], carriedFromItemId: null, presenters: [],
});

/**
 * The agenda in numbering order. Own items keep their section, tag, presenters and sub-points.
 * An own item that names a standard item ("Övrigt" with its sub-points) fills that standard slot
 * instead of appearing twice: its wording, tag, presenters and sub-points are kept, its section is
 * not. Named in the invitation, "Val av justerare" is on the agenda even when the group does not
 * usually elect one. Carried-over items come after the own items and before "Övriga frågor",
 * without a section: the heading they had at an earlier meeting need not exist in this one.
 * Every list is copied, so changing the result never changes the input.
 */
export function composeAgenda(input: {
  group: Pick<Group, 'electsAdjuster'>;
  ownItems: readonly OwnItemDraft[];
  carriedOver: readonly CarriedItem[];
}): AgendaDraftItem[] {
  const named = new Map<StandardItemKind, AgendaDraftItem>();
  const own: AgendaDraftItem[] = [];
  for (const item of input.ownItems) {
    const kind = standardKindOf(item.title);
    const draft: AgendaDraftItem = {
      title: item.title.trim(),
      typeTag: item.typeTag ?? null,
      standardKind: kind,
      section: kind ? null : item.section ?? null,
      subPoints: [...(item.subPoints ?? [])],
      carriedFromItemId: item.carriedFromItemId ?? null,
      presenters: [...(item.presenters ?? [])],
      ...(item.plannedMinutes ? { plannedMinutes: item.plannedMinutes } : {}),
    };
    // The first mention of a standard item fills its slot; a repeat is an ordinary item.
    if (kind && !named.has(kind)) named.set(kind, draft);
    else own.push({ ...draft, standardKind: null, section: item.section ?? null });
  }
  const slot = (kind: StandardItemKind) => named.get(kind) ?? standardItem(kind);
  const head = headKinds(input.group);
  if (named.has('elect-adjuster') && !head.includes('elect-adjuster')) head.push('elect-adjuster');
  const carried = input.carriedOver.map((item): AgendaDraftItem => ({
    title: item.title,
    typeTag: item.typeTag,
    standardKind: null,
    section: null,
    subPoints: [...item.subPoints],
    carriedFromItemId: item.carriedFromItemId,
    presenters: [],
  }));
  return [...head.map(slot), ...own, ...carried, ...TAIL_KINDS.map(slot)];
}
