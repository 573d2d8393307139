/**
 * Calendar links and the once-only steps before a meeting (see CalendarStore). Each claim is one
 * conditional UPDATE … RETURNING: of two instances claiming at once, one row update wins.
 */
import { sql, type Kysely } from 'kysely';
import type { CalendarStore, CardPost } from '../core/ports';
import type { AgendaDraftItem } from '../core/standard-items';
import type { CalendarEvent, CalendarRef } from '../core/calendar';
import type { FollowedRound } from '../core/calendar-changes';
import type { IsoTime } from '../core/model';
import type { Database } from './schema';

const iso = (value: Date | string): string => new Date(value).toISOString();

const toRef = (row: { kind: string; calendar_id: string }): CalendarRef => ({ kind: row.kind as CalendarRef['kind'], id: row.calendar_id });

export class CalendarRepository implements CalendarStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** A (re)linked calendar is followed from a new round: another calendar's link and events mean nothing for it. */
  async link(groupId: string, calendar: CalendarRef): Promise<void> {
    await this.db
      .insertInto('calendar_links')
      .values({ group_id: groupId, kind: calendar.kind, calendar_id: calendar.id })
      .onConflict((oc) => oc.column('group_id').doUpdateSet({
        kind: calendar.kind, calendar_id: calendar.id, problem: null, updated_at: sql`now()`, delta_link: null, delta_window_from: null, delta_window_to: null,
      }))
      .execute();
    await this.db.deleteFrom('calendar_events').where('group_id', '=', groupId).execute();
  }

  async unlink(groupId: string): Promise<boolean> {
    const removed = await this.db.deleteFrom('calendar_links').where('group_id', '=', groupId).returning('group_id').executeTakeFirst();
    await this.db.deleteFrom('calendar_events').where('group_id', '=', groupId).execute();
    return !!removed;
  }

  async followed(groupId: string): Promise<{ round: FollowedRound | null; events: CalendarEvent[] }> {
    // The link is read before the events: if another instance commits a round in between, the
    // events are newer than the link, and applying changes since the older link to them only
    // replays changes (each is an event's latest state or its removal), never loses one.
    const link = await this.db
      .selectFrom('calendar_links')
      .select(['delta_link', 'delta_window_from', 'delta_window_to'])
      .where('group_id', '=', groupId)
      .executeTakeFirst();
    const round = link?.delta_link && link.delta_window_from && link.delta_window_to
      ? { deltaLink: link.delta_link, window: { from: iso(link.delta_window_from), to: iso(link.delta_window_to) } }
      : null;
    if (!round) return { round: null, events: [] };
    const rows = await this.db.selectFrom('calendar_events').select('event').where('group_id', '=', groupId).orderBy('starts_at').orderBy('event_id').execute();
    return { round, events: rows.map((r) => r.event as CalendarEvent) };
  }

  async recordFollowed(groupId: string, startedFrom: string | null, round: FollowedRound, fresh: boolean, upserts: CalendarEvent[], removed: string[]): Promise<boolean> {
    // One conditional UPDATE: it takes the link's row lock, and a concurrent round that committed
    // first has changed delta_link, so this one matches no row and writes nothing.
    const claimed = await this.db
      .updateTable('calendar_links')
      .set({ delta_link: round.deltaLink, delta_window_from: round.window.from, delta_window_to: round.window.to })
      .where('group_id', '=', groupId)
      .where((eb) => (startedFrom === null ? eb('delta_link', 'is', null) : eb('delta_link', '=', startedFrom)))
      .returning('group_id')
      .executeTakeFirst();
    if (!claimed) return false;
    const forget = this.db.deleteFrom('calendar_events').where('group_id', '=', groupId);
    const changed = [...removed, ...upserts.map((e) => e.id)];
    if (fresh) await forget.execute();
    else if (changed.length) await forget.where('event_id', 'in', changed).execute();
    if (upserts.length) {
      await this.db
        .insertInto('calendar_events')
        .values(upserts.map((e) => ({ group_id: groupId, event_id: e.id, starts_at: e.startsAt, ends_at: e.endsAt, event: JSON.stringify(e) })))
        .execute();
    }
    return true;
  }

  async find(groupId: string): Promise<CalendarRef | null> {
    const row = await this.db.selectFrom('calendar_links').select(['kind', 'calendar_id']).where('group_id', '=', groupId).executeTakeFirst();
    return row ? toRef(row) : null;
  }

  async listLinks(): Promise<Array<{ groupId: string; calendar: CalendarRef }>> {
    const rows = await this.db.selectFrom('calendar_links').select(['group_id', 'kind', 'calendar_id']).orderBy('group_id').execute();
    return rows.map((row) => ({ groupId: row.group_id, calendar: toRef(row) }));
  }

  async lockLink(groupId: string): Promise<CalendarRef | null> {
    const row = await this.db
      .selectFrom('calendar_links')
      .select(['kind', 'calendar_id'])
      .where('group_id', '=', groupId)
      .forUpdate()
      .executeTakeFirst();
    return row ? toRef(row) : null;
  }

  async eventOf(meetingId: string): Promise<string | null> {
    const row = await this.db.selectFrom('meetings').select('calendar_event_id').where('id', '=', meetingId).executeTakeFirst();
    return row?.calendar_event_id ?? null;
  }

  async meetingOfEvent(groupId: string, eventId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('meetings')
      .select('id')
      .where('group_id', '=', groupId)
      .where('calendar_event_id', '=', eventId)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async attachEvent(groupId: string, meetingId: string, eventId: string): Promise<void> {
    await this.db
      .updateTable('meetings')
      .set({ calendar_event_id: eventId })
      .where('group_id', '=', groupId)
      .where('id', '=', meetingId)
      .execute();
  }

  claimEventImport(meetingId: string, at: IsoTime): Promise<boolean> {
    return this.claim(meetingId, 'event_agenda_imported_at', at);
  }

  claimAgendaPost(meetingId: string, at: IsoTime): Promise<boolean> {
    // A meeting cancelled meanwhile (by another instance) gets no agenda.
    return this.claim(meetingId, 'agenda_posted_at', at, { whilePlanned: true });
  }

  async agendaPosted(meetingId: string): Promise<boolean> {
    const row = await this.db.selectFrom('meetings').select('agenda_posted_at').where('id', '=', meetingId).executeTakeFirst();
    return !!row?.agenda_posted_at;
  }

  async addAgendaCardPost(post: CardPost): Promise<void> {
    await this.db
      .insertInto('agenda_card_posts')
      .values({ meeting_id: post.meetingId, conversation_id: post.conversationId, reference: JSON.stringify(post.reference), activity_id: post.activityId })
      .onConflict((oc) => oc.columns(['conversation_id', 'activity_id']).doNothing())
      .execute();
  }

  async agendaCardPosts(meetingId: string): Promise<CardPost[]> {
    const rows = await this.db
      .selectFrom('agenda_card_posts')
      .select(['meeting_id', 'conversation_id', 'reference', 'activity_id'])
      .where('meeting_id', '=', meetingId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ meetingId: r.meeting_id, conversationId: r.conversation_id, reference: r.reference, activityId: r.activity_id }));
  }

  async eventAgenda(meetingId: string): Promise<AgendaDraftItem[] | null> {
    const row = await this.db.selectFrom('meetings').select('event_agenda').where('id', '=', meetingId).executeTakeFirst();
    return (row?.event_agenda as AgendaDraftItem[] | null | undefined) ?? null;
  }

  async setEventAgenda(meetingId: string, agenda: AgendaDraftItem[]): Promise<void> {
    await this.db.updateTable('meetings').set({ event_agenda: JSON.stringify(agenda) }).where('id', '=', meetingId).execute();
  }

  async releaseAgendaPost(meetingId: string, at: IsoTime): Promise<void> {
    await this.db
      .updateTable('meetings')
      .set({ agenda_posted_at: null })
      .where('id', '=', meetingId)
      .where('agenda_posted_at', '=', new Date(at))
      .execute();
  }

  claimRsvpWarning(meetingId: string, at: IsoTime): Promise<boolean> {
    return this.claim(meetingId, 'rsvp_warned_at', at);
  }

  claimNeverStartedNotice(meetingId: string, at: IsoTime): Promise<boolean> {
    // Only while the meeting is still planned: one started meanwhile (by another instance's turn) is not told of.
    return this.claim(meetingId, 'never_started_told_at', at, { whilePlanned: true });
  }

  async claimProblem(groupId: string, problem: string): Promise<boolean> {
    const claimed = await this.db
      .updateTable('calendar_links')
      .set({ problem })
      .where('group_id', '=', groupId)
      .where((eb) => eb.or([eb('problem', 'is', null), eb('problem', '!=', problem)]))
      .returning('group_id')
      .executeTakeFirst();
    return !!claimed;
  }

  async clearProblem(groupId: string): Promise<void> {
    await this.db.updateTable('calendar_links').set({ problem: null }).where('group_id', '=', groupId).where('problem', 'is not', null).execute();
  }

  /** Sets a once-only timestamp if it is not set yet (and, `whilePlanned`, only on a planned meeting): true for the one caller that set it. */
  private async claim(
    meetingId: string,
    column: 'event_agenda_imported_at' | 'agenda_posted_at' | 'rsvp_warned_at' | 'never_started_told_at',
    at: IsoTime,
    { whilePlanned = false } = {},
  ): Promise<boolean> {
    let update = this.db
      .updateTable('meetings')
      .set({ [column]: at })
      .where('id', '=', meetingId)
      .where(column, 'is', null);
    if (whilePlanned) update = update.where('status', '=', 'planerat');
    const claimed = await update.returning('id').executeTakeFirst();
    return !!claimed;
  }
}
