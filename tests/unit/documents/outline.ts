/** The texts a rendered protokoll must show, in the order it must show them, from the model. */
import type { ContentBlock, DocumentParagraph, DocumentSubPoint, ProtokollDocument, SubPointsBlock } from '../../../bot/src/documents/protokoll.model';
import { SV, actionLine, attendeeLine, paragraphHeading, presentersLine } from '../../../bot/src/documents/strings.sv';
import { conflictLine, IMMEDIATELY_ADJUSTED, RESERVATION_HEADING, reservationLine } from '../../../bot/src/core/statements.sv';

function block(b: ContentBlock | SubPointsBlock, subPoints: readonly DocumentSubPoint[]): string[] {
  switch (b.kind) {
    case 'text': return b.text.split('\n');
    case 'bullets': return b.items;
    case 'decision': return [b.bodyPhrase, ...b.clauses.flatMap((c) => [c.marker, c.text].filter(Boolean))];
    case 'information': return [SV.information];
    case 'actions': return [SV.actions, ...b.actions.map(actionLine)];
    case 'recipients': return [SV.recipients, ...b.recipients];
    case 'conflict': return [conflictLine(b.name)];
    case 'adjusted': return [IMMEDIATELY_ADJUSTED];
    case 'reservation': return [reservationLine(b.names), ...(b.motivation ? [RESERVATION_HEADING, ...b.motivation.split('\n')] : [])];
    case 'subPoints': return subPoints.flatMap((sp) => [paragraphHeading(sp), ...body(sp, [])]);
  }
}

/** What follows a heading, in the content's order. */
function body(p: DocumentParagraph | DocumentSubPoint, subPoints: readonly DocumentSubPoint[]): string[] {
  return [
    ...(p.presenters.length ? [presentersLine(p.presenters)] : []),
    ...p.content.flatMap((b) => block(b, subPoints)),
  ];
}

export function outline(doc: ProtokollDocument): string[] {
  return [
    doc.kind,
    doc.bodyName,
    doc.date,
    SV.index,
    ...doc.index.flatMap((s) => [...(s.heading ? [s.heading] : []), ...s.entries.flatMap((e) => [e.label, e.title, ...e.subPoints.flatMap((sp) => [sp.label, sp.title])])]),
    `${SV.timeAndPlace}:`, doc.timeAndPlace,
    `${SV.presentMembers}:`, ...doc.presentMembers.flatMap((m) => [...(m.roleLabel ? [m.roleLabel] : []), attendeeLine(m)]),
    ...(doc.excusedMembers.length ? [`${SV.excusedMembers}:`, ...doc.excusedMembers.map(attendeeLine)] : []),
    `${SV.absentMembers}:`, ...doc.absentMembers.map(attendeeLine),
    ...(doc.officials.length ? [`${SV.officials}:`, ...doc.officials.map(attendeeLine)] : []),
    `${SV.otherParticipants}:`, ...doc.otherParticipants.map(attendeeLine),
    `${SV.secretary}:`, ...(doc.secretary ? [attendeeLine(doc.secretary)] : []),
    `${SV.adjusters}:`, ...doc.adjusters.map(attendeeLine),
    `${SV.paragraphs}:`, doc.paragraphRange ?? '',
    `${SV.approvalPlaceAndTime}:`, doc.approvalPlaceAndTime ?? '',
    `${SV.signatures}:`, ...doc.signatures.flatMap((s) => [s.name, s.roleLabel]),
    ...doc.paragraphs.flatMap((p) => [paragraphHeading(p), ...body(p, p.subPoints)]),
    SV.recipients, ...doc.distributionList,
  ];
}
