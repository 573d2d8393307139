/**
 * The sentences jäv and reservations are printed with, shared by the protokoll and the chat's
 * answers, so the secretary reads in the chat exactly what the document will say.
 */
import type { RosterMember } from './model';

/** `Karin Berg (S)`: a member as political bodies print them; the name alone without a party. */
export const printedMemberName = (m: Pick<RosterMember, 'name' | 'party'>): string => (m.party ? `${m.name} (${m.party})` : m.name);

/** `Karin Berg (S) anmäler jäv och deltar inte i handläggningen.` */
export const conflictLine = (name: string): string => `${name} anmäler jäv och deltar inte i handläggningen.`;

/** `Mot beslutet reserverar sig Karin Berg (S), Per Öst (M) och Lisa Berg (V).` */
export function reservationLine(names: readonly string[]): string {
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}` : (names[0] ?? '');
  return `Mot beslutet reserverar sig ${listed}.`;
}

/** Printed last in a paragraph that was justerad omedelbart. */
export const IMMEDIATELY_ADJUSTED = 'Paragrafen förklaras omedelbart justerad.';

/** The heading of a reservation's motivation. */
export const RESERVATION_HEADING = 'Reservation';
