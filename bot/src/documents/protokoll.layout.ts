/**
 * The parts of the document both renderers lay out the same way, worked out once: the label/value
 * rows of the attendance block under the Ärendeförteckning. Pure functions of the model.
 */
import type { Attendee, ProtokollDocument } from './protokoll.model';
import { SV, attendeeLine, label } from './strings.sv';

/** One row of the two-column block: `label` in the left column ('' continues the group above). */
export interface FactRow {
  label: string;
  value: string;
  /** the first row of a group (the renderers put space above it) */
  groupStart: boolean;
}

/**
 * The longest label (with its colon) that fits the left column on one line (5.2 cm, 11 pt bold):
 * a longer one, such as `Övriga deltagare och föredragande:`, would wrap and push the second
 * person's row down, so it gets a row of its own.
 */
const LABEL_FITS = 28;

/**
 * A group of people: the group's label on the first row, each person's role label (e.g.
 * `Ordförande`) in the left column of their own row, as the reference minutes write it. When the
 * first person has a role label, or the label is too long for one line, the group's label gets a
 * row of its own above them.
 */
function peopleRows(groupLabel: string, people: readonly Attendee[]): FactRow[] {
  if (people.length === 0) return [];
  const rows: FactRow[] = [];
  const first = people[0]!;
  const labelOwnRow = first.roleLabel !== null || (people.length > 1 && label(groupLabel).length > LABEL_FITS);
  if (labelOwnRow) rows.push({ label: label(groupLabel), value: '', groupStart: true });
  people.forEach((person, i) => {
    const leftColumn = i === 0 && !labelOwnRow ? label(groupLabel) : person.roleLabel ?? '';
    rows.push({ label: leftColumn, value: attendeeLine(person), groupStart: i === 0 && !labelOwnRow });
  });
  return rows;
}

function single(groupLabel: string, value: string | null): FactRow[] {
  return value === null || value === '' ? [] : [{ label: label(groupLabel), value, groupStart: true }];
}

/** Tid och plats, Närvarande ledamöter, Förhinder, Frånvarande, Tjänstepersoner, Övriga deltagare, Sekreterare, Justerare, Paragrafer, justering. */
export function factRows(doc: ProtokollDocument): FactRow[] {
  return [
    ...single(SV.timeAndPlace, doc.timeAndPlace),
    ...peopleRows(SV.presentMembers, doc.presentMembers),
    ...peopleRows(SV.excusedMembers, doc.excusedMembers),
    ...peopleRows(SV.absentMembers, doc.absentMembers),
    ...peopleRows(SV.officials, doc.officials),
    ...peopleRows(SV.otherParticipants, doc.otherParticipants),
    ...peopleRows(SV.secretary, doc.secretary ? [{ ...doc.secretary, roleLabel: null }] : []),
    ...peopleRows(SV.adjusters, doc.adjusters.map((a) => ({ ...a, roleLabel: null }))),
    ...single(SV.paragraphs, doc.paragraphRange),
    ...single(SV.approvalPlaceAndTime, doc.approvalPlaceAndTime),
  ];
}
