/**
 * The online meeting behind a join link, app-only through Microsoft Graph
 * (api-reference/v1.0/api/onlinemeeting-get.md, "retrieve an online meeting by joinWebUrl"):
 *   GET /users/{organizer}/onlineMeetings?$filter=JoinWebUrl eq '{joinWebUrl}'  → { value: [onlineMeeting] }
 * `{organizer}` is the organizer's Entra object id or user principal name (the calendar event's
 * `organizer.emailAddress.address`). In the filter the link is a string literal: a single quote in
 * it is doubled, and the whole filter is percent-encoded. Needs the application permission
 * OnlineMeetings.Read.All and a Teams application access policy that covers the organizer; without
 * the policy Graph answers 403 "No application access policy found for this app". An organizer who
 * does not exist is 404; an empty `value` means the meeting is not the organizer's.
 */
import { chatConversationId } from '../core/join-url';
import { OnlineMeetingUnavailable, type OnlineMeeting } from '../core/online-meeting';
import type { OnlineMeetingSource } from '../core/ports';
import { isUuid } from '../core/validators';
import type { GraphClient } from './graph-client';
import { explainGraphFailure, GraphAccessError } from './graph-errors';

/** `JoinWebUrl eq '…'`, the link quoted as an OData string literal. */
export const joinWebUrlFilter = (joinUrl: string): string => `JoinWebUrl eq '${joinUrl.replace(/'/g, "''")}'`;

export class GraphOnlineMeetingSource implements OnlineMeetingSource {
  constructor(private readonly graph: GraphClient) {}

  async byJoinUrl(organizer: string, joinUrl: string): Promise<OnlineMeeting> {
    let body: Record<string, unknown>;
    try {
      body = await this.graph.get(`/users/${encodeURIComponent(organizer)}/onlineMeetings?$filter=${encodeURIComponent(joinWebUrlFilter(joinUrl))}`);
    } catch (error) {
      if (error instanceof GraphAccessError) throw new OnlineMeetingUnavailable(error.problem, explainLookupFailure(error, organizer), error.detail);
      throw error;
    }
    if (!Array.isArray(body.value)) throw malformed(organizer, 'no "value" array');
    const found = body.value.find((m) => isObject(m) && m.joinWebUrl === joinUrl) ?? (body.value.length === 1 ? body.value[0] : undefined);
    if (found === undefined) {
      throw new OnlineMeetingUnavailable('not-found', explainLookupFailure(new GraphAccessError('not-found', 200, null, 'no online meeting with that joinWebUrl'), organizer));
    }
    return toOnlineMeeting(found, organizer);
  }
}

const FALLBACK = 'Dagordningen postas därför i gruppens kanal i stället för i möteschatten, och Teams-händelser från möteschatten (start, slut, deltagare) kopplas inte till gruppen förrän någon skriver grupp <gruppens namn> i möteschatten.';

/** Teams requires both the permission and the policy for app-only access, so a 403 names both. */
export function explainLookupFailure(error: GraphAccessError, organizer: string): string {
  const intro = `Kallelsen har en kort Teams-länk (teams.microsoft.com/meet/…), som inte säger vilken möteschatt mötet har, och Protokoll kunde inte slå upp mötet i Microsoft Graph (organisatör ${organizer}).`;
  switch (error.problem) {
    case 'forbidden':
      return `${intro} ${FALLBACK} En administratör behöver ge appen programbehörigheten OnlineMeetings.Read.All i Microsoft Graph med administratörsmedgivande, och skapa en åtkomstprincip för program i Teams (New-CsApplicationAccessPolicy) med appens id och tilldela den organisatören eller hela organisationen (Grant-CsApplicationAccessPolicy).`;
    case 'not-found':
      return `${intro} Microsoft Graph hittar inget Teams-möte med den länken hos organisatören: mötet kan vara borttaget, eller organiserat av någon annan än den som står som organisatör i kallelsen. ${FALLBACK}`;
    case 'throttled':
    case 'unavailable':
      return `${intro} Microsoft Graph svarade inte i tid. ${FALLBACK}`;
    default:
      return `${intro} ${explainGraphFailure(error, { what: `Teams-mötet (organisatör ${organizer})`, permission: 'OnlineMeetings.Read.All', policy: 'teams' })} ${FALLBACK}`;
  }
}

const isObject = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null && !Array.isArray(value);

function malformed(organizer: string, what: string): OnlineMeetingUnavailable {
  const error = new GraphAccessError('malformed', 200, null, `onlineMeetings: ${what}`);
  return new OnlineMeetingUnavailable('malformed', explainLookupFailure(error, organizer), error.detail);
}

function toOnlineMeeting(value: unknown, organizer: string): OnlineMeeting {
  if (!isObject(value) || typeof value.id !== 'string' || !value.id) throw malformed(organizer, 'onlineMeeting without id');
  const chat = isObject(value.chatInfo) ? value.chatInfo : {};
  const threadId = typeof chat.threadId === 'string' ? chat.threadId : null;
  const messageId = typeof chat.messageId === 'string' ? chat.messageId : null;
  const user = value.participants?.organizer?.identity?.user;
  const organizerId = isObject(user) && typeof user.id === 'string' && isUuid(user.id) ? user.id : null;
  return { id: value.id, chatId: threadId ? chatConversationId(threadId, messageId) : null, organizerId };
}
