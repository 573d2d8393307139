/**
 * `GET /v1.0/users/{upn}/calendarView/delta` on the Graph stand-in, as documented in
 * concepts/delta-query-events.md, concepts/delta-query-overview.md and api/event-delta.md:
 *   - a round starts with startDateTime/endDateTime (no $select: Graph refuses it for delta) and
 *     pages with @odata.nextLink ($skiptoken) after `pageSize` entries (or Prefer:
 *     odata.maxpagesize, whichever is smaller), the last page carrying @odata.deltaLink ($deltatoken);
 *   - the first round gives every event in the window; a round from a delta link gives only the
 *     events changed since that link was issued: in the window as they now are, and as
 *     `{"@removed": {"reason": "deleted"}}` when deleted or when changed outside the window (moved
 *     out, or never in it), as Graph does;
 *   - tokens are opaque and stay valid (a link may be asked again: Graph replays), until
 *     `expireTokens()`, after which they answer 410 Gone with syncStateNotFound, as an expired
 *     token or a mailbox moved between servers does.
 * Changes are found by comparing each event with the calendar as it was when the link was issued,
 * so every way a test changes the calendar (setCalendar, updateEvent, removeEvent) shows up.
 */
import { randomBytes } from 'node:crypto';

type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;

interface Round {
  user: string;
  from: number;
  to: number;
  /** every event of the calendar, as JSON, when the round's link was issued */
  told: Map<string, string>;
}

interface Paging {
  round: Round;
  /** entries of the round not yet sent */
  rest: unknown[];
}

const utc = (value: any) => Date.parse(/(?:Z|[+-]\d{2}:\d{2})$/.test(value.dateTime) ? value.dateTime : `${value.dateTime}Z`);
const snapshot = (events: any[]) => new Map(events.map((e) => [String(e.id), JSON.stringify(e)]));

/** What one delta request was answered with: which kind of request, the events sent in full, the ids sent as removed. */
export interface DeltaAnswer {
  kind: 'round' | 'changes' | 'page' | 'gone';
  events: string[];
  removed: string[];
  /** the @odata.deltaLink that ended the round, if this page did */
  deltaLink: string | null;
}

export class CalendarDeltaFeed {
  readonly answers: DeltaAnswer[] = [];
  private deltaTokens = new Map<string, Round>();
  private skipTokens = new Map<string, Paging>();

  constructor(
    private readonly baseUrl: () => string,
    private readonly calendarOf: (user: string) => any[] | undefined,
  ) {}

  private held: Promise<void> | null = null;

  /**
   * The next delta answer is worked out when asked for, as always, but sent only once `release()`
   * is called: a reply slow to arrive, while others read the calendar after it changed.
   */
  holdNextAnswer(): () => void {
    let release!: () => void;
    this.held = new Promise<void>((resolve) => (release = resolve));
    return release;
  }

  /** Every link issued so far answers 410 Gone from now on (an expired token, a resync Graph asks for). */
  expireTokens(): void {
    this.deltaTokens = new Map();
    this.skipTokens = new Map();
  }

  answer(user: string, url: URL, prefer: string | undefined, pageSize: number, send: Send): void {
    const skip = url.searchParams.get('$skiptoken');
    const delta = url.searchParams.get('$deltatoken');
    if (skip !== null || delta !== null) {
      const paging = skip !== null ? this.skipTokens.get(skip) : undefined;
      const round = delta !== null ? this.deltaTokens.get(delta) : undefined;
      if (paging) return this.page('page', paging, prefer, pageSize, send);
      if (round) return this.changesSince(round, prefer, pageSize, send);
      return this.gone(user, send);
    }
    const events = this.calendarOf(user);
    if (!events) return send(404, { error: { code: 'ErrorInvalidUser', message: `The requested user '${user}' is invalid.` } });
    if (url.searchParams.has('$select')) {
      return send(400, { error: { code: 'ErrorInvalidUrlQuery', message: "The following parameters are not supported with change tracking over the 'CalendarView' resource: '$select'." } });
    }
    const from = Date.parse(url.searchParams.get('startDateTime') ?? '');
    const to = Date.parse(url.searchParams.get('endDateTime') ?? '');
    if (Number.isNaN(from) || Number.isNaN(to)) {
      return send(400, { error: { code: 'ErrorInvalidParameter', message: 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.' } });
    }
    const round: Round = { user, from, to, told: snapshot(events) };
    const inWindow = events.filter((e) => this.overlaps(round, e)).sort((a, b) => utc(a.start) - utc(b.start));
    this.page('round', { round, rest: inWindow.map((e) => entry(e)) }, prefer, pageSize, send);
  }

  /** Each event changed since the round's link: as it is now inside the window, removed otherwise. */
  private changesSince(round: Round, prefer: string | undefined, pageSize: number, send: Send): void {
    const events = this.calendarOf(round.user) ?? [];
    const now = snapshot(events);
    const changes: unknown[] = [];
    for (const event of events) {
      if (round.told.get(String(event.id)) === now.get(String(event.id))) continue;
      changes.push(this.overlaps(round, event) ? entry(event) : removed(event.id));
    }
    for (const id of round.told.keys()) if (!now.has(id)) changes.push(removed(id));
    this.page('changes', { round: { ...round, told: now }, rest: changes }, prefer, pageSize, send);
  }

  private page(kind: DeltaAnswer['kind'], paging: Paging, prefer: string | undefined, pageSize: number, send: Send): void {
    const asked = Number(/odata\.maxpagesize=(\d+)/i.exec(prefer ?? '')?.[1] ?? Number.POSITIVE_INFINITY);
    const size = Math.max(1, Math.min(pageSize, asked));
    const value = paging.rest.slice(0, size) as any[];
    const rest = paging.rest.slice(size);
    const link = `${this.baseUrl()}/v1.0/users/${encodeURIComponent(paging.round.user)}/calendarView/delta`;
    const token = randomBytes(12).toString('base64url');
    if (rest.length) this.skipTokens.set(token, { round: paging.round, rest });
    else this.deltaTokens.set(token, paging.round);
    this.answers.push({
      kind, events: value.filter((v) => !v['@removed']).map((v) => v.id), removed: value.filter((v) => v['@removed']).map((v) => v.id),
      deltaLink: rest.length ? null : `${link}?$deltatoken=${token}`,
    });
    const body = {
      '@odata.context': `${this.baseUrl()}/v1.0/$metadata#Collection(event)`,
      ...(rest.length ? { '@odata.nextLink': `${link}?$skiptoken=${token}` } : { '@odata.deltaLink': `${link}?$deltatoken=${token}` }),
      value,
    };
    const held = this.held;
    this.held = null;
    if (held) void held.then(() => send(200, body));
    else send(200, body);
  }

  private gone(user: string, send: Send): void {
    this.answers.push({ kind: 'gone', events: [], removed: [], deltaLink: null });
    send(410, { error: { code: 'syncStateNotFound', message: 'The sync state generation is not found. The delta token is expired and data must be synchronized again.' } }, {
      Location: `${this.baseUrl()}/v1.0/users/${encodeURIComponent(user)}/calendarView/delta?$deltatoken=`,
    });
  }

  private overlaps(round: Round, event: any): boolean {
    return utc(event.end) > round.from && utc(event.start) < round.to;
  }
}

const entry = (event: any) => ({ '@odata.type': '#microsoft.graph.event', ...event });
const removed = (id: string) => ({ '@odata.type': '#microsoft.graph.event', id, '@removed': { reason: 'deleted' } });
