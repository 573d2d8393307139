/**
 * A loopback stand-in for the Microsoft Graph endpoints Protokoll uses, answering in Graph's
 * documented shapes (samples in tests/fixtures/graph, each with its reference page):
 *   GET /v1.0/users/{upn}/calendarView · GET /v1.0/groups/{id}/calendarView
 *     startDateTime/endDateTime required, events overlapping the window, $select applied, paged
 *     with @odata.nextLink ($skip) after `pageSize` events.
 *   GET /v1.0/users/{upn}/events/{id} · GET /v1.0/groups/{id}/events/{id}: one event, 404
 *     ErrorItemNotFound once deleted (`removeEvent`); `updateEvent` moves, cancels or edits one.
 *   GET /v1.0/users/{upn}/calendarView/delta: rounds, changes since a link, 410 for unknown links;
 *     see graph-calendar-delta.ts (v1.0 has no delta for a group's calendar: 404 like any unknown path).
 * After the meeting (attendance reports, channel files, uploads): see graph-artifacts.ts.
 * Bearer tokens are checked (only tokens the Entra stand-in issued pass). `fail()` queues faults:
 * 429/503 with Retry-After, 403 bodies, malformed bodies. Every call is recorded.
 */
import type http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { GraphArtifacts } from './graph-artifacts';
import { CalendarDeltaFeed } from './graph-calendar-delta';
import { LoopbackServer } from './loopback-server';
import { projectRoot } from '../../bot/src/project-root';

export interface GraphCall {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  retryAttempt: string | undefined;
  prefer: string | undefined;
  /** Date.now() when it arrived */
  at: number;
  status: number;
  contentRange?: string;
  body?: Buffer;
  /** length of the answer's body */
  bytes?: number;
}

export interface GraphFault {
  status: number;
  headers?: Record<string, string>;
  /** a JSON value, or a raw string for malformed bodies */
  body: unknown;
  contentType?: string;
}

// From the repository root, so the stand-in finds its samples from the bench's bundle as well as from the tests.
const FIXTURES = path.join(projectRoot(__dirname), 'tests', 'fixtures', 'graph');
export const graphFixture = (name: string): any => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));

export class GraphTestServer extends LoopbackServer {
  /** `users/<upn>` or `groups/<id>` (lower case) → events in Graph's shape */
  readonly calendars = new Map<string, any[]>();
  readonly calls: GraphCall[] = [];
  pageSize = 2;
  /** which bearer tokens are valid (default: any) */
  acceptsToken: (token: string) => boolean = () => true;
  private faults: Array<{ match: RegExp; fault: GraphFault; times: number }> = [];
  /** online meetings, attendance reports, channel folders and uploaded files */
  readonly artifacts = new GraphArtifacts(() => this.url);
  /** calendarView/delta of users' calendars; `delta.expireTokens()` makes every link answer 410 */
  readonly delta = new CalendarDeltaFeed(() => this.url, (user) => this.calendars.get(`users/${user.toLowerCase()}`));

  /** The calendar reads so far (calendarView, calendarView/delta, events/{id}), for counting requests. */
  calendarReads(): GraphCall[] {
    return this.calls.filter((c) => /\/(calendarView(\/delta)?|events\/[^/]+)$/i.test(c.path));
  }

  protected handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => this.answer(req, res, Buffer.concat(chunks)));
  }

  /** The next `times` requests whose path matches get `fault` instead of an answer. */
  fail(match: RegExp, fault: GraphFault, times = Number.POSITIVE_INFINITY): void {
    this.faults.push({ match, fault, times });
  }

  clearFaults(): void {
    this.faults = [];
  }

  setCalendar(owner: 'users' | 'groups', id: string, events: any[]): void {
    this.calendars.set(`${owner}/${id.toLowerCase()}`, events);
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer = Buffer.alloc(0)): void {
    const url = new URL(req.url ?? '/', this.url);
    const call: GraphCall = {
      method: req.method ?? 'GET', path: decodeURIComponent(url.pathname), query: url.searchParams, authorization: req.headers.authorization,
      retryAttempt: req.headers['retry-attempt'] as string | undefined, prefer: req.headers.prefer as string | undefined, at: Date.now(), status: 0,
      contentRange: req.headers['content-range'] as string | undefined, body,
    };
    this.calls.push(call);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}, contentType = 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8') => {
      call.status = status;
      call.bytes = Buffer.byteLength(typeof body === 'string' ? body : JSON.stringify(body));
      res.writeHead(status, { 'content-type': contentType, 'request-id': 'f4c3a2b1-0000-4000-8000-000000000000', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    this.artifacts.sizeSessions(call.path, call.contentRange);
    if (this.artifacts.handleUpload(call.method, call.path, call.contentRange, body, send)) return;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !this.acceptsToken(token)) return send(401, graphFixture('error-401-invalid-token.json'));
    const fault = this.faults.find((f) => f.times > 0 && f.match.test(call.path));
    if (fault) {
      fault.times--;
      return send(fault.fault.status, fault.fault.body, fault.fault.headers, fault.fault.contentType);
    }
    if (this.artifacts.handle(call.method, call.path, url, body, send)) return;
    const single = /^\/v1\.0\/(users|groups)\/([^/]+)\/(?:calendar\/)?events\/([^/]+)$/i.exec(call.path);
    if (req.method === 'GET' && single) return this.event(single[1]!.toLowerCase() as 'users' | 'groups', single[2]!, single[3]!, url, send);
    const delta = /^\/v1\.0\/users\/([^/]+)\/calendarView\/delta$/i.exec(call.path);
    if (req.method === 'GET' && delta) return this.delta.answer(delta[1]!, url, call.prefer, this.pageSize, send);
    const match = /^\/v1\.0\/(users|groups)\/([^/]+)\/calendarView$/i.exec(call.path);
    if (req.method !== 'GET' || !match) return send(404, { error: { code: 'BadRequest', message: `Resource not found for the segment '${call.path}'.` } });
    this.calendarView(match[1]!.toLowerCase() as 'users' | 'groups', match[2]!, url, send);
  }

  /** Replaces one event (matched by id) with `changes` applied: a moved time, a cancellation, an edited body. */
  updateEvent(owner: 'users' | 'groups', id: string, eventId: string, changes: Record<string, unknown>): void {
    const events = this.calendars.get(`${owner}/${id.toLowerCase()}`) ?? [];
    this.calendars.set(`${owner}/${id.toLowerCase()}`, events.map((e) => (e.id === eventId ? { ...e, ...changes } : e)));
  }

  /** Deletes an event (or one occurrence of a series), as the organiser does in Outlook. */
  removeEvent(owner: 'users' | 'groups', id: string, eventId: string): void {
    const events = this.calendars.get(`${owner}/${id.toLowerCase()}`) ?? [];
    this.calendars.set(`${owner}/${id.toLowerCase()}`, events.filter((e) => e.id !== eventId));
  }

  /** GET …/events/{id} (api-reference/v1.0/api/event-get.md): the event, or 404 ErrorItemNotFound once deleted. */
  private event(owner: 'users' | 'groups', id: string, eventId: string, url: URL, send: (status: number, body: unknown) => void): void {
    const event = this.calendars.get(`${owner}/${id.toLowerCase()}`)?.find((e) => e.id === eventId);
    if (!event) return send(404, graphFixture('error-404-item-not-found.json'));
    const select = url.searchParams.get('$select')?.split(',');
    send(200, {
      '@odata.context': `${this.url}/v1.0/$metadata#${owner}('${id}')/events/$entity`,
      ...(select ? pick(event, ['@odata.etag', 'id', ...select]) : event),
    });
  }

  private calendarView(owner: 'users' | 'groups', id: string, url: URL, send: (status: number, body: unknown) => void): void {
    const events = this.calendars.get(`${owner}/${id.toLowerCase()}`);
    if (!events) {
      return send(404, owner === 'users'
        ? { error: { code: 'ErrorInvalidUser', message: `The requested user '${id}' is invalid.` } }
        : { error: { code: 'Request_ResourceNotFound', message: `Resource '${id}' does not exist or one of its queried reference-property objects are not present.` } });
    }
    const from = Date.parse(url.searchParams.get('startDateTime') ?? '');
    const to = Date.parse(url.searchParams.get('endDateTime') ?? '');
    if (Number.isNaN(from) || Number.isNaN(to)) {
      return send(400, { error: { code: 'ErrorInvalidParameter', message: "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime." } });
    }
    const utc = (value: any) => Date.parse(`${value.dateTime}Z`);
    const inWindow = events.filter((e) => utc(e.end) > from && utc(e.start) < to).sort((a, b) => utc(a.start) - utc(b.start));
    const skip = Number(url.searchParams.get('$skip') ?? 0);
    const size = Math.min(this.pageSize, Number(url.searchParams.get('$top') ?? this.pageSize));
    const select = url.searchParams.get('$select')?.split(',');
    const page = inWindow.slice(skip, skip + size).map((e) => (select ? pick(e, ['@odata.etag', 'id', ...select]) : e));
    const next = new URL(url.toString());
    next.searchParams.set('$skip', String(skip + size));
    send(200, {
      '@odata.context': `${this.url}/v1.0/$metadata#${owner}('${id}')/calendarView`,
      ...(skip + size < inWindow.length ? { '@odata.nextLink': next.toString() } : {}),
      value: page,
    });
  }
}

const pick = (event: any, keys: string[]) => Object.fromEntries(keys.filter((k) => k in event).map((k) => [k, event[k]]));
