/**
 * How much one group may hold, so that one message, a script or a runaway paste cannot grow a
 * meeting without bound (every command re-reads and re-renders the record it changes). The limits
 * are far above what a real council needs (README, "Säkerhet"). Each check runs inside the turn's
 * transaction and throws a Swedish `too-large` error that names the limit: the envelope rolls the
 * whole turn back, so a refused command changes nothing.
 */
import { DomainError } from './errors';

export const LIMITS = {
  /** people in a group's roster */
  rosterMembers: 300,
  /** agenda items of one meeting, sub-points included */
  agendaItemsPerMeeting: 200,
  /** notes, decisions and actions recorded under one paragraph */
  entriesPerParagraph: 500,
  /** draft versions of one meeting's protokoll */
  draftVersionsPerMeeting: 100,
} as const;

const tooLarge = (message: string) => new DomainError('too-large', message);

export function ensureRosterSize(count: number): void {
  if (count <= LIMITS.rosterMembers) return;
  throw tooLarge(`Ledamotslistan kan ha högst ${LIMITS.rosterMembers} personer, men skulle få ${count}. Inget sparades; dela upp gruppen eller ta bort rader som inte behövs.`);
}

export function ensureRoomOnAgenda(itemsNow: number, adding: number): void {
  if (itemsNow + adding <= LIMITS.agendaItemsPerMeeting) return;
  throw tooLarge(`Ett möte kan ha högst ${LIMITS.agendaItemsPerMeeting} punkter på dagordningen (underpunkter medräknade), och det här mötet har ${itemsNow}. Inget sparades; lägg punkten på ett senare möte.`);
}

export function ensureRoomInParagraph(entriesNow: number): void {
  if (entriesNow < LIMITS.entriesPerParagraph) return;
  throw tooLarge(`En paragraf kan ha högst ${LIMITS.entriesPerParagraph} anteckningar, beslut och åtgärder tillsammans, och den här har redan ${entriesNow}. Inget sparades; samla texten i färre anteckningar.`);
}

export function ensureRoomForVersion(nextVersion: number): void {
  if (nextVersion <= LIMITS.draftVersionsPerMeeting) return;
  throw tooLarge(`Protokollet har redan ${LIMITS.draftVersionsPerMeeting} utkastversioner, det högsta antalet. Ändringen sparades inte; låt justerarna justera den senaste versionen, eller kontakta den som driftar Protokoll.`);
}
