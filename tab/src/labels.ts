/** Swedish words for the API's values. */
import type { ActionItem, MeetingStatus, PageVersion } from './api';

export type StatusFilter = 'open' | 'overdue' | 'done' | 'all';

export const STATUS_FILTERS: Array<{ value: StatusFilter; label: string }> = [
  { value: 'open', label: 'Öppna' },
  { value: 'overdue', label: 'Försenade' },
  { value: 'done', label: 'Klara' },
  { value: 'all', label: 'Alla' },
];

export function actionStatusLabel(action: ActionItem): string {
  if (!action.live) return 'Ej justerad';
  if (action.status === 'done') return 'Klar';
  return action.overdue ? 'Försenad' : 'Öppen';
}

export function matchesStatus(action: ActionItem, filter: StatusFilter): boolean {
  switch (filter) {
    case 'open': return action.status === 'open';
    case 'overdue': return action.status === 'open' && action.overdue;
    case 'done': return action.status === 'done';
    case 'all': return true;
  }
}

export const MEETING_STATUS: Record<MeetingStatus, string> = {
  planerat: 'Planerat',
  pågår: 'Pågår',
  utkast: 'Utkast',
  justering: 'Justering',
  justerat: 'Justerat',
  inställt: 'Inställt',
};

export const NO_OWNER = 'Ingen ansvarig';
export const CONFLICT_MESSAGE = 'Åtgärden har ändrats av någon annan – listan är uppdaterad.';

/**
 * `Utkast för justering · Version 2 · SHA-256 9f2c6e0b1a2b3c4d…`: the version the preview shows, named
 * as the approval card names it (the card shows the first 16 hex digits of the SHA-256).
 */
export function versionLine(version: PageVersion): string {
  const status = version.status === 'justerat' ? 'Justerat och låst' : 'Utkast för justering';
  return `${status} · Version ${version.number} · SHA-256 ${version.sha256.slice(0, 16)}…`;
}
