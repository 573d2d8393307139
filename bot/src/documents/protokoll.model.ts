/**
 * The protokoll as a document: one model, rendered to Word (`protokoll.docx.ts`) and to one HTML
 * page (`protokoll.html.ts`). Both renderers are pure functions of this model, so they never disagree.
 *
 * Every string here is final, Swedish and ready for print: dates, times, labels and numbers are
 * formatted by whoever builds the model (the mapping from the database, with `core/swedish-time.ts`,
 * `core/numbering.ts`, `core/presence.ts` and the helpers in `strings.sv.ts`). The renderers only
 * lay text out; they never format a date, number a paragraph or compose a sentence, except for the
 * fixed phrases of `strings.sv.ts` (labels such as `Tid och plats`).
 *
 * Who formats what:
 *   - paragraph labels (`§ 15`, `1.`, `§ 12/24`) and sub-point labels (`a)`): the mapping, from core/numbering.ts;
 *   - decision clauses: the mapping, with `decisionClauses()` from strings.sv.ts, which gives each clause its
 *     marker (`att`, or `1.` with the clause as typed, capitalised, for groups that number their clauses);
 *   - the order of what is recorded under a paragraph: the mapping, as `content`, in the order it was
 *     recorded; the renderers print `content` front to back and never move a block;
 *   - the line written for a person: the renderers, with `attendeeLine()` from strings.sv.ts.
 */
import type { DocumentKind } from '../core/model';

export type { DocumentKind };

/** `utkast` and `justering` print `UTKAST` in the page header; `justerat` is the locked final. */
export type DocumentStatus = 'utkast' | 'justering' | 'justerat';

export interface ProtokollDocument {
  kind: DocumentKind;
  /** the group's name, e.g. `Samverkansgrupp att åldras`; also the page header */
  bodyName: string;
  /** the meeting date, `2024-02-16` */
  date: string;
  status: DocumentStatus;
  /** e.g. `Version 2`; printed in the page header */
  versionLabel: string;
  /**
   * When this version was rendered (ISO-8601 UTC). Written as the .docx's created/modified dates and
   * its zip entries' times, so the same model always gives the same bytes.
   */
  createdAt: string;
  /** Ärendeförteckning: sections in order; a section without heading has `heading: null` */
  index: IndexSection[];
  /** `Måndag den 18 januari 2021 kl. 13.00 – 16.00 via Teams` */
  timeAndPlace: string;
  presentMembers: Attendee[];
  /** Förhinder: members away with notice (marked `frånvarande` by the secretary and never present) */
  excusedMembers: Attendee[];
  /** Frånvarande (members not present who sent no notice) */
  absentMembers: Attendee[];
  /** Tjänstepersoner: the roster's officials who attended (with their paragraphs as partialPresence) */
  officials: Attendee[];
  /** Övriga deltagare och föredragande: guests, adjungerade, presenters (with their paragraphs as partialPresence) */
  otherParticipants: Attendee[];
  secretary: Attendee | null;
  /** Justerare elected for the meeting; an empty list leaves the line out */
  adjusters: Attendee[];
  /** `§15 - §28`; null leaves the line out */
  paragraphRange: string | null;
  /** `Digital justering senast 2024-03-15 kl. 16.00`; null leaves the line out */
  approvalPlaceAndTime: string | null;
  /** Underskrifter, in order (Ordförande, Sekreterare, Justerare) */
  signatures: Signature[];
  /** The digital approval of the locked final; null on drafts. */
  approval: DigitalApproval | null;
  paragraphs: DocumentParagraph[];
  /** `Protokollet ska skickas till` for the whole protokoll; empty leaves it out */
  distributionList: string[];
}

export interface IndexSection {
  /** `ÄRENDEN FÖR BESLUT`, or null for entries before any section heading */
  heading: string | null;
  entries: IndexEntry[];
}

export interface IndexEntry {
  /** `§ 15`, `1.`, `§ 12/24` */
  label: string;
  title: string;
  /** `(I/D/B)` or null */
  typeTag: string | null;
  subPoints: IndexSubPoint[];
}

export interface IndexSubPoint {
  /** `a)` */
  label: string;
  title: string;
  typeTag: string | null;
}

/** A person as listed under Närvarande, Frånvarande, Övriga deltagare, Sekreterare or Justerare. */
export interface Attendee {
  name: string;
  /** title (often with organisation) as written in the roster, e.g. `verksamhetschef Karlshamns kommun`; may be '' */
  title: string;
  /** huvudman, e.g. `Region Blekinge`; printed only for someone without a title; may be '' */
  principal: string;
  /** `Ordförande`, `Vice ordförande`, … written in the label column; null for none */
  roleLabel: string | null;
  /** `(M)` or null */
  party: string | null;
  /** `(§§12 - 17)`, `(§18)`, `(del av mötet)`, or '' when present throughout */
  partialPresence: string;
}

export interface Signature {
  /** `Ordförande`, `Sekreterare`, `Justerare` */
  roleLabel: string;
  /** as printed, a party with it: `Karin Berg (S)` */
  name: string;
  /** e.g. `Enheten för kvalitet och utveckling, Region Blekinge`; may be '' */
  organisation: string;
  /** `2024-03-14 kl. 10.12` when this signer approved digitally; null prints the dotted line */
  approvedAt: string | null;
}

export interface DigitalApproval {
  /** the version the signers approved, e.g. `Version 2` */
  approvedVersionLabel: string;
  /** SHA-256 (hex) of the approved version's .docx bytes (the draft they approved, not this file) */
  sha256: string;
}

export interface DocumentParagraph {
  /** the HTML id, e.g. `p-15`; see `paragraphAnchor()` (the .docx has no bookmarks: see docx-determinism.ts) */
  anchor: string;
  /** `§ 15`, `1.`, `1).`, `§ 12/24` */
  label: string;
  title: string;
  /** `(I/D/B)` or null; printed after the title */
  typeTag: string | null;
  /** Föredragande (printed under the heading); empty leaves the line out */
  presenters: string[];
  /**
   * What was recorded under the paragraph, in the order it was recorded, with `{ kind: 'subPoints' }`
   * where its sub-points are printed (exactly once when it has sub-points, never otherwise).
   */
  content: Array<ContentBlock | SubPointsBlock>;
  subPoints: DocumentSubPoint[];
}

/** A sub-point `a)`, `b)`: the same parts as a paragraph, without sub-points of its own. */
export interface DocumentSubPoint extends Omit<DocumentParagraph, 'subPoints' | 'content'> {
  content: ContentBlock[];
}

/**
 * One block of a paragraph's content. A note gives one or more text blocks (its paragraphs and
 * bullet lists); decision clauses recorded one after the other form one decision block, and actions
 * recorded one after the other one Åtgärder list.
 */
export type ContentBlock = TextBlock | DocumentDecision | InformationBlock | ConflictBlock | ReservationBlock | AdjustedBlock | ActionsBlock | RecipientsBlock;

export type TextBlock = { kind: 'text'; text: string } | { kind: 'bullets'; items: string[] };

/** `Samverkansgruppen beslutar` and its clauses; a postponement (`bordlägg`) closes the block as its last clause. */
export interface DocumentDecision {
  kind: 'decision';
  /** `Samverkansgruppen beslutar`, `LSVO beslutar`, or `Ställningstagande:` for informal groups */
  bodyPhrase: string;
  /**
   * printed in order under bodyPhrase; see `decisionClauses()`. A postponed block ends with the
   * postponement (`att Denna punkt tas upp vid nästa möte.`), printed like every other clause.
   */
  clauses: DecisionClause[];
  /** the block was closed by a postponement: its last clause is the postponement */
  postponed: boolean;
}

/** `Informationen tas till protokollet.` */
export interface InformationBlock {
  kind: 'information';
}

/** Jäv: `Karin Berg (S) anmäler jäv och deltar inte i handläggningen.` */
export interface ConflictBlock {
  kind: 'conflict';
  /** as printed, a party with it */
  name: string;
}

/** `Mot beslutet reserverar sig Karin Berg (S) och Per Öst (M).`, and the motivation under `Reservation` */
export interface ReservationBlock {
  kind: 'reservation';
  /** as printed, in the order typed */
  names: string[];
  motivation: string | null;
}

/** `Paragrafen förklaras omedelbart justerad.` (omedelbar justering) */
export interface AdjustedBlock {
  kind: 'adjusted';
}

/** Åtgärder, in the order recorded */
export interface ActionsBlock {
  kind: 'actions';
  actions: DocumentAction[];
}

/** Protokollet ska skickas till (this paragraph) */
export interface RecipientsBlock {
  kind: 'recipients';
  recipients: string[];
}

/** Where a paragraph's sub-points are printed among its own content. */
export interface SubPointsBlock {
  kind: 'subPoints';
}

export interface DecisionClause {
  /** `att`, `1.`, or '' for an unmarked statement (Ställningstagande) */
  marker: string;
  /** `godkänna för sammanträdet upprättad dagordning.` or, numbered, `Att godkänna …` */
  text: string;
}

export interface DocumentAction {
  text: string;
  /** the owner's name, or null */
  owner: string | null;
  /** `2024-03-01`, or null */
  dueDate: string | null;
}
