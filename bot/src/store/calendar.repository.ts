/**
 * Calendar links and the once-only steps before a meeting (see CalendarStore). Each claim is one
 * conditional UPDATE … RETURNING: of two instances claiming at once, one row update wins.
 */
import { sql, type Kysely } from 'kysely';
import type { CalendarStore, CardPost } from '../core/ports';
import type { AgendaDraftItem } from '../core/standard-items';
import type { CalendarRef } from '../core/calendar';
import type { IsoTime } from '../core/model';
import type { Database } from './schema';

const toRef = (row: { kind: string; calendar_id: string }): CalendarRef => ({ kind: row.kind as CalendarRef['kind'], id: row.calendar_id });

export class CalendarRepository implements CalendarStore {
  constructor(private readonly db: Kysely<Database>) {}

  async link(groupId: string, calendar: CalendarRef): Promise<void> {
    await this.db
      .insertInto('calendar_links')
      .values({ group_id: groupId, kind: calendar.kind, calendar_id: calendar.id })
      .onConflict((oc) => oc.column('group_id').doUpdateSet({ kind: calendar.kind, calendar_id: calendar.id, problem: null, updated_at: sql`now()` }))
      .execute();
  }

  async unlink(groupId: string): Promise<boolean> {
    const removed = await this.db.deleteFrom('calendar_links').where('group_id', '=', groupId).returning('group_id').executeTakeFirst();
    return !!removed;
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

  async claimAgendaPost(meetingId: string, at: IsoTime): Promise<boolean> {
    // A meeting cancelled meanwhile (by another instance) gets no agenda.
    const claimed = await this.db
      .updateTable('meetings')
      .set({ agenda_posted_at: at })
      .where('id', '=', meetingId)
      .where('status', '=', 'planerat')
      .where('agenda_posted_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return !!claimed;
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

  private async claim(meetingId: string, column: 'event_agenda_imported_at' | 'agenda_posted_at' | 'rsvp_warned_at', at: IsoTime): Promise<boolean> {
    const claimed = await this.db
      .updateTable('meetings')
      .set({ [column]: at })
      .where('id', '=', meetingId)
      .where(column, 'is', null)
      .returning('id')
      .executeTakeFirst();
    return !!claimed;
  }
}
