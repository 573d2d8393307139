/** Realistic view models for card tests (names and paragraphs from the reference minutes). */
import type { AgendaView } from '../../../bot/src/core/use-cases/agenda-view';
import type { AttendanceView } from '../../../bot/src/core/use-cases/attendance-view';
import type { AdaptiveCard, CardElement, ParagraphChoice } from '../../../bot/src/cards/adaptive-card';

export const MEETING_ID = '3f2a8c1e-5b7d-4e9f-a1c2-0d4e6f8a9b10';
export const ITEM_ID = '7c9e1a2b-3d4f-4a5b-8c6d-e7f8a9b0c1d2';
export const MEMBER_IDS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
export const DOCUMENT_VERSION_ID = '44444444-4444-4444-8444-444444444444';

/** A uuid per index, for long lists. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export function agendaView(paragraphs = 7, title = 'Vårdplatsflöde'): AgendaView {
  return {
    meetingId: MEETING_ID,
    groupName: 'Samverkansgrupp att åldras',
    dateLine: 'Fredag den 16 februari 2024',
    status: 'pågår',
    entries: Array.from({ length: paragraphs }, (_, i) => ({
      itemId: i === 2 ? ITEM_ID : uuid(100 + i),
      label: `§ ${15 + i}`,
      title: i === 0 ? 'Godkännande av föredragningslista' : `${title} ${i}`,
      typeTag: i % 3 === 0 ? 'I/D/B' : null,
      presenters: i === 2 ? ['Mats Wennstig', 'Anna-Karin Åkesson'] : [],
      section: i < 3 ? 'INFORMATION, BEREDNING, DIALOG' : 'ÄRENDEN FÖR BESLUT',
      current: i === 2,
      carriedOver: i === 4,
      subPoints: i === 3 ? [
        { itemId: uuid(900), label: 'a)', title: 'Läkemedel avvikelser AG', typeTag: null, current: false },
        { itemId: uuid(901), label: 'b)', title: 'Sjukresor/färdtjänst AG', typeTag: 'I/D', current: false },
      ] : [],
    })),
  };
}

export function attendanceView(quorate: boolean, unconfirmed: AttendanceView['unconfirmed'] = []): AttendanceView {
  const member = (index: number, name: string, presentNow: boolean, partialPresence = '') => ({
    memberId: MEMBER_IDS[index]!, name, roles: ['ledamot' as const], presentNow, attended: presentNow || partialPresence !== '', partialPresence, counts: true,
  });
  return {
    meetingId: MEETING_ID,
    unconfirmed,
    principals: [
      { principal: 'Region Blekinge', members: [member(0, 'Mats Wennstig', true), member(1, 'Carina Ingemansson', false, '(§§15 - 17)')] },
      { principal: 'Karlskrona kommun', members: [member(2, 'Anna-Karin Åkesson', quorate)] },
    ],
    others: [{ name: 'Tina Olsson', presentNow: true }],
    quorum: {
      quorate,
      rule: 'huvudman',
      blocs: [
        { label: 'Region Blekinge', members: 2, present: quorate ? 2 : 1, required: 2, quorate },
        { label: 'Karlskrona kommun', members: 1, present: quorate ? 1 : 0, required: 1, quorate },
      ],
    },
    quorumLine: quorate
      ? 'Beslutsför: Region Blekinge 2 av 2, Karlskrona kommun 1 av 1'
      : 'Inte beslutsför: Region Blekinge 1 av 2 (krävs 2), Karlskrona kommun 0 av 1 (krävs 1)',
  };
}

export const PARAGRAPHS: ParagraphChoice[] = [
  { itemId: uuid(100), label: '§ 15', title: 'Godkännande av föredragningslista' },
  { itemId: uuid(101), label: '§ 16', title: 'Föregående mötesanteckningar' },
  { itemId: ITEM_ID, label: '§ 17', title: 'Vårdplatsflöde' },
];

export const ROSTER = [
  { memberId: MEMBER_IDS[0]!, name: 'Mats Wennstig', description: 'förvaltningschef, Region Blekinge' },
  { memberId: MEMBER_IDS[1]!, name: 'Carina Ingemansson', description: 'stf verksamhetschef, Region Blekinge' },
  { memberId: MEMBER_IDS[2]!, name: 'Anna-Karin Åkesson', description: 'socialchef, Karlskrona kommun' },
];

/** Every element of a card, depth first (containers, action sets, columns). */
export function elementsOf(card: AdaptiveCard): CardElement[] {
  const out: CardElement[] = [];
  const visit = (elements: unknown[]) => {
    for (const element of elements as CardElement[]) {
      out.push(element);
      if (Array.isArray(element.items)) visit(element.items);
    }
  };
  visit(card.body);
  return out;
}

/** Every Action.Execute of a card: its own actions and those in action sets. */
export function actionsOf(card: AdaptiveCard): Array<{ title: string; verb: string; data: Record<string, unknown>; associatedInputs: string }> {
  const inBody = elementsOf(card).filter((e) => e.type === 'ActionSet').flatMap((e) => e.actions as any[]);
  return [...(card.actions ?? []), ...inBody] as any;
}

/** The text of every TextBlock and FactSet, one string per line. */
export function textsOf(card: AdaptiveCard): string[] {
  return elementsOf(card).flatMap((e) =>
    e.type === 'TextBlock' ? [e.text as string] : e.type === 'FactSet' ? (e.facts as any[]).map((f) => `${f.title}: ${f.value}`) : []);
}

export const inputOf = (card: AdaptiveCard, id: string) => elementsOf(card).find((e) => e.id === id);

/**
 * What Teams sends for an Action.Execute: the action's data with the card's input values merged in
 * (only when associatedInputs is auto), as strings; `typed` are what the person filled in.
 */
export function invokeData(card: AdaptiveCard, action: { data: Record<string, unknown>; associatedInputs: string }, typed: Record<string, string> = {}) {
  if (action.associatedInputs === 'none') return { ...action.data };
  const inputs = Object.fromEntries(elementsOf(card).filter((e) => e.type.startsWith('Input.')).map((e) => [e.id as string, (e.value as string) ?? '']));
  return { ...action.data, ...inputs, ...typed };
}
