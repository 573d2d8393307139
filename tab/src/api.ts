/** The tab's HTTP API client (INTERFACES.md): JSON in and out, the SSO token when there is one. */
import { ssoToken } from './teams';

export interface Me { name: string; developmentUser: boolean }
export interface Group { id: string; name: string; decidingBody: string | null }
// The shapes the server's API returns, type-only (nothing of the server is bundled): one contract,
// checked by the compiler on both sides.
import type { ActionStatus, MeetingStatus } from '../../bot/src/core/model';
import type { MeetingListEntry as Meeting, MeetingListPage } from '../../bot/src/core/use-cases/tab-queries';
import type { ActionListEntry as ActionItem, ActionListPage } from '../../bot/src/core/use-cases/action-list';
import type { ActionStatusFilter, ActionTotals } from '../../bot/src/core/ports';
import type { ServedVersion } from '../../bot/src/core/use-cases/served-protokoll';
import type { DecisionRegisterEntry as Decision, DecisionRegisterPage, TextPart } from '../../bot/src/core/use-cases/decision-register';
import type { LiveEntry, LiveMeetingView } from '../../bot/src/core/use-cases/live-view';
import type { ChatMeeting } from '../../bot/src/core/use-cases/chat-meeting';

export type { MeetingListPage };
export type { ActionItem, ActionListPage, ChatMeeting, ActionStatus, ActionStatusFilter, ActionTotals, Decision, DecisionRegisterPage, LiveEntry, LiveMeetingView, Meeting, MeetingStatus, TextPart };

/** What the action list asks for: a status, an owner (a roster id or `none`, empty for all) and where to go on from. */
export interface ActionQuery { status: ActionStatusFilter; owner: string; cursor: string | null; limit?: number }
export interface Owner { id: string; name: string }

/** The stored version a protokoll page shows: its number, SHA-256 and status (null while the meeting runs). */
export type PageVersion = Pick<ServedVersion, 'number' | 'sha256' | 'status'>;
export interface ProtokollPage { html: string; version: PageVersion | null }

/** The headers naming the stored version (bot/src/http/protokoll.routes.ts). */
function pageVersion(headers: Headers): PageVersion | null {
  const number = Number(headers.get('protokoll-version'));
  const sha256 = headers.get('protokoll-sha256');
  const status = headers.get('protokoll-status');
  if (!Number.isInteger(number) || number < 1 || !sha256 || (status !== 'justering' && status !== 'justerat')) return null;
  return { number, sha256, status };
}

export type PanelForm = 'next' | 'notes' | 'decisions' | 'actions';
/** The chat command's own Swedish answer; `duplicate` when this form had been recorded already. */
export interface PanelAnswer { text: string; warning: string | null; duplicate: boolean }

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function authHeaders(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const token = await ssoToken();
  return token ? { ...extra, authorization: `Bearer ${token}` } : extra;
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: await authHeaders((init.headers as Record<string, string>) ?? {}) });
  } catch {
    throw new ApiError(0, 'Servern svarar inte. Kontrollera anslutningen och försök igen.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(res.status, body?.error?.message ?? `Något gick fel (HTTP ${res.status}).`);
  }
  return res;
}

const json = async <T>(path: string, init?: RequestInit): Promise<T> => (await request(path, init)).json() as Promise<T>;
const id = (value: string) => encodeURIComponent(value);

export const api = {
  me: () => json<Me>('/api/me'),
  groups: () => json<Group[]>('/api/groups'),
  /** one page of the group's actions, filtered by the server */
  actions: (groupId: string, q: ActionQuery, signal?: AbortSignal) => {
    const query = new URLSearchParams({ status: q.status });
    if (q.owner) query.set('owner', q.owner);
    if (q.limit) query.set('limit', String(q.limit));
    if (q.cursor) query.set('cursor', q.cursor);
    return json<ActionListPage>(`/api/groups/${id(groupId)}/actions?${query.toString()}`, { signal });
  },
  /** the group's roster, the people an action can be filtered by */
  owners: (groupId: string) => json<Owner[]>(`/api/groups/${id(groupId)}/owners`),
  setActionStatus: (actionId: string, status: ActionStatus, version: number) =>
    json<{ id: string; status: ActionStatus; version: number }>(`/api/actions/${id(actionId)}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status, version }),
    }),
  /** the group and meeting of a meeting chat (the panel's `chat.id`); 404 when no group of the caller's has that chat */
  meetingOfChat: (chatId: string) => json<ChatMeeting>(`/api/meetings/by-chat?chat=${encodeURIComponent(chatId)}`),
  /** one page of the group's meetings, newest first */
  meetings: (groupId: string, cursor: string | null) =>
    json<MeetingListPage>(`/api/groups/${id(groupId)}/meetings${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
  /** one page of the group's decision register; `q` empty lists every decision */
  decisions: (groupId: string, q: string, sort: 'datum' | 'relevans', cursor: string | null, signal?: AbortSignal) => {
    const query = new URLSearchParams({ limit: '50' });
    if (q) query.set('q', q);
    if (q && sort === 'relevans') query.set('sort', sort);
    if (cursor) query.set('cursor', cursor);
    return json<DecisionRegisterPage>(`/api/groups/${id(groupId)}/decisions?${query.toString()}`, { signal });
  },
  protokollHtmlUrl: (meetingId: string) => `/api/meetings/${id(meetingId)}/protokoll.html`,
  protokollDocxUrl: (meetingId: string) => `/api/meetings/${id(meetingId)}/protokoll.docx`,
  /** Fetched with the token (an iframe or a plain link would go without it). */
  protokollHtml: async (meetingId: string): Promise<ProtokollPage> => {
    const res = await request(api.protokollHtmlUrl(meetingId));
    return { html: await res.text(), version: pageVersion(res.headers) };
  },
  /** records from the meeting panel's forms; `requestId` makes a resent form record once */
  record: (meetingId: string, what: PanelForm, fields: Record<string, string>, requestId: string) =>
    json<PanelAnswer>(`/api/meetings/${id(meetingId)}/${what}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requestId, ...fields }),
    }),
  /** the meeting as it is being recorded, as Server-Sent Events (live-stream.ts reads it) */
  liveUrl: (meetingId: string) => `/api/meetings/${id(meetingId)}/live`,
  protokollDocx: async (meetingId: string) => (await request(api.protokollDocxUrl(meetingId))).blob(),
};
