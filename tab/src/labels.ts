/** Swedish words for the API's values. */
import type { ActionItem, ActionTotals, MeetingStatus, PageVersion } from './api';

export function actionStatusLabel(action: ActionItem): string {
  if (!action.live) return 'Ej justerad';
  if (action.status === 'done') return 'Klar';
  return action.overdue ? 'Försenad' : 'Öppen';
}

/** `12 öppna · 3 försenade · 40 klara`: how many of the group's actions (of the chosen owner) there are of each. */
export function totalsLine(totals: ActionTotals): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [count(totals.open, 'öppen', 'öppna'), count(totals.overdue, 'försenad', 'försenade'), count(totals.done, 'klar', 'klara')].join(' · ');
}

/** The table's caption: how many rows it shows, and of how many when more are to be loaded. */
export function actionsCaption(shown: number, total: number): string {
  const noun = (n: number) => (n === 1 ? 'åtgärd' : 'åtgärder');
  return shown < total ? `Visar ${shown} av ${total} ${noun(total)}` : `${shown} ${noun(shown)}`;
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
