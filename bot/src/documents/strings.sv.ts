/**
 * Every fixed Swedish phrase of the protokoll document, and the small pure helpers that compose
 * document text. Both renderers (Word and HTML) take their words from here and nowhere else.
 */
import type {
  Attendee,
  DecisionClause,
  DocumentAction,
  DocumentParagraph,
  DocumentStatus,
  ProtokollDocument,
} from './protokoll.model';
import { capitalisedClause } from '../core/decision-clause';

export const SV = {
  index: 'Ärendeförteckning',
  timeAndPlace: 'Tid och plats',
  presentMembers: 'Närvarande ledamöter',
  excusedMembers: 'Förhinder',
  absentMembers: 'Frånvarande',
  officials: 'Tjänstepersoner',
  otherParticipants: 'Övriga deltagare och föredragande',
  secretary: 'Sekreterare',
  adjusters: 'Justerare',
  paragraphs: 'Paragrafer',
  approvalPlaceAndTime: 'Plats och tid för justering',
  signatures: 'Underskrifter',
  presenters: 'Föredragande',
  decides: 'beslutar',
  information: 'Informationen tas till protokollet.',
  postponed: 'Denna punkt tas upp vid nästa möte.',
  recipients: 'Protokollet ska skickas till',
  actions: 'Åtgärder',
  actionOwner: 'ansvarig',
  actionDue: 'senast',
  approvedDigitally: 'Justerat digitalt',
  approvedVersion: 'Justerad version',
  checksum: 'SHA-256',
  draft: 'UTKAST',
  page: 'Sida',
  of: 'av',
  /** the line a wet signature is written on, as in the reference minutes */
  signatureLine: '……………………………………………………',
} as const;

/** `Tid och plats:` — labels in the attendance block end with a colon. */
export function label(text: string): string {
  return `${text}:`;
}

/** `UTKAST` on every version that is not yet justerat, otherwise null. */
export function draftMark(status: DocumentStatus): string | null {
  return status === 'justerat' ? null : SV.draft;
}

/** The page header: the group's name on the left; `UTKAST · Version 2` (or the version alone) on the right. */
export function pageHeader(doc: Pick<ProtokollDocument, 'bodyName' | 'status' | 'versionLabel'>): { left: string; right: string } {
  const right = [draftMark(doc.status), doc.versionLabel].filter((part): part is string => !!part).join(' · ');
  return { left: doc.bodyName, right };
}

/** `Sammanträdesprotokoll Samverkansgrupp att åldras 2021-01-18` (document properties, HTML title). */
export function documentTitle(doc: Pick<ProtokollDocument, 'kind' | 'bodyName' | 'date'>): string {
  return `${doc.kind} ${doc.bodyName} ${doc.date}`;
}

/** `Samverkansgruppen beslutar`, from the group's deciding body (`Group.decidingBody`). */
export function decidesPhrase(decidingBody: string): string {
  return `${decidingBody} ${SV.decides}`;
}

/**
 * The decision clauses as printed, from `Decision.clause` texts (stored as they print after their
 * marker: core/decision-clause.ts). Plain groups: marker `att`, text as given (`att godkänna …`).
 * Numbered groups: marker `1.`, `2.`, the clause as typed, capitalised (`1. Att godkänna …`,
 * `2. Justeringen sker digitalt …`). Informal groups (`Ställningstagande:`): pass `marker: 'none'`.
 *
 * A postponed item ends with the postponement as one more clause, as the reference minutes decide
 * it: `att        Denna punkt tas upp vid nästa möte.`; numbered, `2. Att denna punkt tas upp …`.
 *
 * Nothing about quorum is printed: whether the meeting was beslutfört is advice in the chat, and
 * only the secretary writes what the meeting says about it (PRODUCT.md, Quorum).
 */
export function decisionClauses(
  clauses: ReadonlyArray<{ clause: string }>,
  style: 'att' | 'numbered' | 'none',
  postponed = false,
): DecisionClause[] {
  const texts = clauses.map(({ clause }) => clause.trim());
  if (postponed) texts.push(style === 'numbered' ? `att ${lowerFirst(SV.postponed)}` : SV.postponed);
  return texts.map((text, i) => {
    if (style === 'numbered') return { marker: `${i + 1}.`, text: capitalisedClause(text) };
    return { marker: style === 'att' ? 'att' : '', text };
  });
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('sv-SE') + text.slice(1);

/** `§ 15 Godkännande av föredragningslista (B)` */
export function paragraphHeading(p: Pick<DocumentParagraph, 'label' | 'title' | 'typeTag'>): string {
  return [p.label, p.title, p.typeTag].filter((part): part is string => !!part).join(' ');
}

/** `Föredragande: Mats Wennstig, Anna Hedlund` */
export function presentersLine(presenters: readonly string[]): string {
  return `${label(SV.presenters)} ${presenters.join(', ')}`;
}

/**
 * The line written for a person, as the reference minutes write it:
 * `André Jönsson, verksamhetschef Sölvesborgs kommun (del av mötet)`; a party stands with the name,
 * as political bodies write it: `Ann Berg (M)`, `Ann Berg (M), regionråd`.
 * The roster's title usually names the organisation already (`verksamhetschef Karlshamns kommun`),
 * so the principal is written only for someone without a title.
 */
export function attendeeLine(a: Pick<Attendee, 'name' | 'title' | 'principal' | 'party' | 'partialPresence'>): string {
  const description = a.title.trim() || a.principal.trim();
  const name = a.party ? `${a.name} ${a.party}` : a.name;
  const head = description ? `${name}, ${description}` : name;
  return a.partialPresence ? `${head} ${a.partialPresence}` : head;
}

/** `Skicka ut PPT – ansvarig: Helen Bjerstedt, senast 2021-02-01` */
export function actionLine(a: DocumentAction): string {
  const details = [
    a.owner ? `${SV.actionOwner}: ${a.owner}` : null,
    a.dueDate ? `${SV.actionDue} ${a.dueDate}` : null,
  ].filter((part): part is string => part !== null);
  return details.length === 0 ? a.text : `${a.text} – ${details.join(', ')}`;
}

/**
 * The organisation written after a signer's name: title/organisation, then the huvudman, as in
 * reference minutes 000 (`Enheten för kvalitet och utveckling, Region Blekinge`), but the huvudman
 * only when the title does not name it already (`regionråd, Region Blekinge`, never
 * `Region Blekinge, Region Blekinge`).
 */
export function signatureOrganisation(title: string, principal: string): string {
  const [t, p] = [title.replace(/\s+/g, ' ').trim(), principal.replace(/\s+/g, ' ').trim()];
  const named = p && t.toLocaleLowerCase('sv-SE').includes(p.toLocaleLowerCase('sv-SE'));
  return [t, named ? '' : p].filter(Boolean).join(', ');
}

/** `Mats Wennstig, Enheten för kvalitet och utveckling, Region Blekinge` */
export function signatureNameLine(s: { name: string; organisation: string }): string {
  return s.organisation ? `${s.name}, ${s.organisation}` : s.name;
}

/** `Justerat digitalt 2024-03-14 kl. 10.12` */
export function approvedAtLine(approvedAt: string): string {
  return `${SV.approvedDigitally} ${approvedAt}`;
}

/** `Justerad version: Version 2, SHA-256 9f86d0…` */
export function approvalChecksumLine(a: { approvedVersionLabel: string; sha256: string }): string {
  return `${label(SV.approvedVersion)} ${a.approvedVersionLabel}, ${SV.checksum} ${a.sha256}`;
}
