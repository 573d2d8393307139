/** The texts a rendered protokoll must show, in the order it must show them, from the model. */
import type { DocumentSubPoint, ProtokollDocument } from '../../../bot/src/documents/protokoll.model';
import { SV, attendeeLine, paragraphHeading, presentersLine } from '../../../bot/src/documents/strings.sv';

function body(p: DocumentSubPoint): string[] {
  return [
    ...(p.presenters.length ? [presentersLine(p.presenters)] : []),
    ...p.blocks.flatMap((b) => (b.kind === 'text' ? b.text.split('\n') : b.items)),
  ];
}

function decision(p: DocumentSubPoint): string[] {
  const d = p.decision;
  if (!d) return [];
  return [
    ...(d.clauses.length ? [d.bodyPhrase] : []),
    ...d.clauses.flatMap((c) => [c.marker, c.text].filter(Boolean)),
    ...(d.closing === 'information' ? [SV.information] : []),
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
    `${SV.absentMembers}:`, ...doc.absentMembers.map(attendeeLine),
    `${SV.otherParticipants}:`, ...doc.otherParticipants.map(attendeeLine),
    `${SV.secretary}:`, ...(doc.secretary ? [attendeeLine(doc.secretary)] : []),
    `${SV.adjusters}:`, ...doc.adjusters.map(attendeeLine),
    `${SV.paragraphs}:`, doc.paragraphRange ?? '',
    `${SV.approvalPlaceAndTime}:`, doc.approvalPlaceAndTime ?? '',
    `${SV.signatures}:`, ...doc.signatures.flatMap((s) => [s.name, s.roleLabel]),
    ...doc.paragraphs.flatMap((p) => [
      paragraphHeading(p),
      ...body(p),
      ...p.subPoints.flatMap((sp) => [paragraphHeading(sp), ...body(sp), ...decision(sp)]),
      ...decision(p),
      ...(p.actions.length ? [SV.actions, ...p.actions.map((a) => a.text)] : []),
      ...(p.recipients.length ? [SV.recipients, ...p.recipients] : []),
    ]),
    SV.recipients, ...doc.distributionList,
  ];
}
