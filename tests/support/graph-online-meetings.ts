/**
 * The online-meeting part of the Graph stand-in (tests/support/graph.server.ts), as documented in
 * api-reference/v1.0/api/onlinemeeting-get.md ("retrieve an online meeting by joinWebUrl") and
 * concepts/cloud-communication-online-meeting-application-access-policy.md:
 *   GET /v1.0/users/{userId | userPrincipalName}/onlineMeetings?$filter=JoinWebUrl eq '{joinWebUrl}'
 *     → 200 { value: [onlineMeeting] } (empty when the organizer has no meeting with that link),
 *       each with id, joinWebUrl, chatInfo {threadId, messageId}, participants.organizer {upn, identity.user.id};
 *     → 400 without a filter or with another one (app-only access lists nothing), the literal's
 *       single quotes doubled as OData requires;
 *     → 403 "No application access policy found for this app" when the Teams application access
 *       policy (`policy`: everyone, or the users it was granted to) does not cover the organizer;
 *     → 404 for a user the stand-in does not know.
 * The bearer token is checked by the server before any route, like every other route.
 */
import { graphFixture } from './graph.server';

type Send = (status: number, body: unknown) => void;

export interface StandInOnlineMeeting {
  id: string;
  joinWebUrl: string;
  /** Entra object id and user principal name: Graph accepts either in the path */
  organizerId: string;
  organizerUpn: string | null;
  chatInfo: { threadId: string; messageId: string | null; replyChainMessageId: string | null };
}

/** `JoinWebUrl eq '…'`; inside the literal a quote is only allowed doubled. */
const FILTER = /^joinWebUrl eq '((?:[^']|'')*)'$/i;

export class GraphOnlineMeetings {
  readonly meetings: StandInOnlineMeeting[] = [];
  /** whom the app's Teams application access policy covers: the whole tenant (Grant-CsApplicationAccessPolicy -Global) or these users */
  policy: 'global' | Set<string> = 'global';

  add(meeting: Omit<StandInOnlineMeeting, 'id' | 'chatInfo' | 'organizerUpn'> & Partial<Pick<StandInOnlineMeeting, 'id' | 'chatInfo' | 'organizerUpn'>>): string {
    const sample = graphFixture('onlinemeetings-by-joinweburl.json').value[0];
    const id = meeting.id ?? `${sample.id.replace(/=*$/, '')}${this.meetings.length}`;
    this.meetings.push({ organizerUpn: null, chatInfo: sample.chatInfo, ...meeting, id });
    return id;
  }

  /** Answers GET …/onlineMeetings; false for any other request. */
  handle(method: string, path: string, url: URL, send: Send): boolean {
    const match = /^\/v1\.0\/users\/([^/]+)\/onlineMeetings$/.exec(path);
    if (method !== 'GET' || !match) return false;
    const user = match[1]!.toLowerCase();
    const own = this.meetings.filter((m) => m.organizerId.toLowerCase() === user || m.organizerUpn?.toLowerCase() === user);
    if (own.length === 0) {
      return send(404, { error: { code: 'NotFound', message: `The user '${match[1]}' was not found.` } }), true;
    }
    const covered = this.policy === 'global' || [...this.policy].some((u) => u.toLowerCase() === own[0]!.organizerId.toLowerCase() || u.toLowerCase() === own[0]!.organizerUpn?.toLowerCase());
    if (!covered) return send(403, graphFixture('error-403-online-meeting-policy.json')), true;
    const literal = FILTER.exec(url.searchParams.get('$filter') ?? '')?.[1];
    if (literal === undefined) {
      return send(400, { error: { code: 'BadRequest', message: "Invalid filter clause: an application can only get an online meeting by its joinWebUrl (JoinWebUrl eq '…')." } }), true;
    }
    const wanted = literal.replace(/''/g, "'");
    const sample = graphFixture('onlinemeetings-by-joinweburl.json');
    const value = own.filter((m) => m.joinWebUrl === wanted).map((m) => ({
      ...sample.value[0],
      id: m.id,
      joinWebUrl: m.joinWebUrl,
      chatInfo: m.chatInfo,
      participants: {
        ...sample.value[0].participants,
        organizer: { ...sample.value[0].participants.organizer, upn: m.organizerUpn, identity: { user: { ...sample.value[0].participants.organizer.identity.user, id: m.organizerId } } },
      },
    }));
    return send(200, { ...sample, '@odata.context': sample['@odata.context'].replace(/users\('[^']*'\)/, `users('${match[1]}')`), value }), true;
  }
}
