/**
 * Why a Microsoft Graph call failed, as a value (GraphAccessError), and what to tell the secretary
 * about it in Swedish (explainGraphFailure): which permission is missing, or which application
 * access policy shuts the app out, so an administrator knows exactly what to change. Technical
 * detail (status, Graph's error code, request id) goes to the log, never to the chat.
 */
import type { CalendarProblem } from '../core/calendar';

export type GraphProblem = Exclude<CalendarProblem, 'not-configured'>;

export class GraphAccessError extends Error {
  constructor(
    readonly problem: GraphProblem,
    readonly status: number | null,
    /** Graph's `error.code` (e.g. ErrorAccessDenied) or MSAL's error code */
    readonly code: string | null,
    readonly graphMessage: string | null,
    readonly requestId: string | null = null,
  ) {
    super(`Microsoft Graph: ${problem}${status ? ` (${status})` : ''}${code ? ` ${code}` : ''}${graphMessage ? `: ${graphMessage}` : ''}`);
    this.name = 'GraphAccessError';
  }

  get detail(): Record<string, unknown> {
    return { status: this.status, code: this.code, graphMessage: this.graphMessage, requestId: this.requestId };
  }
}

export function problemOfStatus(status: number): GraphProblem {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'throttled';
  return 'unavailable';
}

/** What was being read and what allows it, so the explanation can name the fix. */
export interface GraphAccessNeed {
  /** in Swedish, e.g. `kalendern för sandra@region.se` */
  what: string;
  /** the application permission that allows it, e.g. `Calendars.Read` */
  permission: string;
  /** which admin policy can restrict the app to some mailboxes or users */
  policy: 'exchange' | 'teams' | null;
}

/** Exchange Online's answer when an ApplicationAccessPolicy (or RBAC for applications) blocks the mailbox. */
const POLICY_BLOCK = /AccessPolicy|\[RAOP\]|ApplicationAccessPolicy|RBAC/i;

const POLICY_HOW: Record<'exchange' | 'teams', string> = {
  exchange: 'en åtkomstprincip för program i Exchange Online (New-ApplicationAccessPolicy, eller RBAC för program)',
  teams: 'en åtkomstprincip för program i Teams (New-CsApplicationAccessPolicy och Grant-CsApplicationAccessPolicy)',
};

export function explainGraphFailure(error: GraphAccessError, need: GraphAccessNeed): string {
  switch (error.problem) {
    case 'unauthorized':
      return `Protokoll kunde inte logga in mot Microsoft Graph för att läsa ${need.what}. Appregistreringens klienthemlighet eller certifikat (ENTRA_CLIENT_SECRET eller ENTRA_CERTIFICATE_PATH) är fel eller har gått ut, eller så stämmer inte ENTRA_TENANT_ID. Be den som administrerar Protokoll att kontrollera appregistreringen i Microsoft Entra ID.`;
    case 'forbidden':
      if (need.policy && POLICY_BLOCK.test(error.graphMessage ?? '')) {
        return `Protokoll har behörigheten ${need.permission} men får ändå inte läsa ${need.what}: organisationen begränsar appen med ${POLICY_HOW[need.policy]}, och den här ${need.policy === 'exchange' ? 'postlådan' : 'användaren'} ingår inte. En administratör behöver lägga till den i principen (för Exchange: i den e-postaktiverade säkerhetsgrupp som principen gäller).`;
      }
      return `Protokoll har inte behörighet att läsa ${need.what}. En administratör behöver ge appen programbehörigheten ${need.permission} i Microsoft Graph (API-behörigheter i Microsoft Entra ID) och bevilja administratörsmedgivande för organisationen.${
        need.policy ? ` Om organisationen begränsar appen med ${POLICY_HOW[need.policy]} måste ${need.policy === 'exchange' ? 'postlådan' : 'användaren'} också ingå i den principen.` : ''}`;
    case 'not-found':
      return `Microsoft Graph hittar inte ${need.what}. Kontrollera id:t eller e-postadressen och koppla om med kommandot kalender.`;
    case 'throttled':
      return 'Microsoft Graph begränsar just nu antalet anrop från Protokoll. Protokoll försöker igen automatiskt om en stund.';
    case 'unavailable':
      return 'Microsoft Graph svarar inte just nu. Protokoll försöker igen automatiskt om en stund.';
    case 'malformed':
      return `Microsoft Graph gav ett svar som Protokoll inte kunde tolka när ${need.what} lästes. Felet är loggat; kontakta den som driftar Protokoll om det inte går över.`;
  }
}
