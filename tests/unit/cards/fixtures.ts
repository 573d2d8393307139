/** Realistic view models for card tests (names and paragraphs from the reference minutes). */
import type { AgendaView } from '../../../bot/src/core/use-cases/agenda-view';
import type { AttendanceView } from '../../../bot/src/core/use-cases/attendance-view';

export const MEETING_ID = '3f2a8c1e-5b7d-4e9f-a1c2-0d4e6f8a9b10';
export const ITEM_ID = '7c9e1a2b-3d4f-4a5b-8c6d-e7f8a9b0c1d2';
export const MEMBER_IDS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

export function agendaView(paragraphs = 7, title = 'Vårdplatsflöde'): AgendaView {
  return {
    meetingId: MEETING_ID,
    groupName: 'Samverkansgrupp att åldras',
    dateLine: 'Fredag den 16 februari 2024',
    status: 'pågår',
    entries: Array.from({ length: paragraphs }, (_, i) => ({
      itemId: `item-${i}`,
      label: `§ ${15 + i}`,
      title: i === 0 ? 'Godkännande av föredragningslista' : `${title} ${i}`,
      typeTag: i % 3 === 0 ? 'I/D/B' : null,
      presenters: i === 2 ? ['Mats Wennstig', 'Anna-Karin Åkesson'] : [],
      section: i < 3 ? 'INFORMATION, BEREDNING, DIALOG' : 'ÄRENDEN FÖR BESLUT',
      current: i === 2,
      carriedOver: i === 4,
      subPoints: i === 3 ? [
        { itemId: 'sub-a', label: 'a)', title: 'Läkemedel avvikelser AG', current: false },
        { itemId: 'sub-b', label: 'b)', title: 'Sjukresor/färdtjänst AG', current: false },
      ] : [],
    })),
  };
}

export function attendanceView(quorate: boolean): AttendanceView {
  const member = (index: number, name: string, presentNow: boolean, partialPresence = '') => ({
    memberId: MEMBER_IDS[index]!, name, role: 'ledamot' as const, presentNow, attended: presentNow || partialPresence !== '', partialPresence, counts: true,
  });
  return {
    meetingId: MEETING_ID,
    principals: [
      { principal: 'Region Blekinge', members: [member(0, 'Mats Wennstig', true), member(1, 'Carina Ingemansson', false, '(§§15 - 17)')] },
      { principal: 'Ronneby kommun', members: [member(2, 'Anna-Karin Åkesson', quorate)] },
    ],
    others: [{ name: 'Tina Olsson', presentNow: true }],
    quorum: {
      quorate,
      rule: 'huvudman',
      blocs: [
        { label: 'Region Blekinge', members: 2, present: 1, required: 2, quorate: false },
        { label: 'Ronneby kommun', members: 1, present: quorate ? 1 : 0, required: 1, quorate },
      ],
    },
    quorumLine: quorate ? 'Beslutsför: Region Blekinge 2 av 2, Ronneby kommun 1 av 1' : 'Inte beslutsför: Region Blekinge 1 av 2 (krävs 2), Ronneby kommun 0 av 1 (krävs 1)',
  };
}
