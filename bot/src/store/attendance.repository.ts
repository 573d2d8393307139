import { sql, type Kysely } from 'kysely';
import type { AttendanceStore, QuorumFacts } from '../core/ports';
import type { AttendanceEvent, AttendanceInterval } from '../core/model';
import type { Database } from './schema';
import { iso, isoOrNull } from './rows';
import { rosterJson, toMember, type MemberRow } from './roster.repository';

type EventRow = { member_id: string | null; display_name: string; aad_object_id: string | null; kind: string; at: Date | string; source: string };
type IntervalRow = { id: string; meeting_id: string; member_id: string | null; display_name: string; aad_object_id: string | null; joined_at: Date | string; left_at: Date | string | null };

const toEvent = (r: EventRow): AttendanceEvent => ({
  memberId: r.member_id,
  displayName: r.display_name,
  aadObjectId: r.aad_object_id,
  kind: r.kind as AttendanceEvent['kind'],
  at: iso(r.at),
  source: r.source as AttendanceEvent['source'],
});

const toReportInterval = (r: IntervalRow): AttendanceInterval => ({
  id: r.id,
  meetingId: r.meeting_id,
  memberId: r.member_id,
  displayName: r.display_name,
  aadObjectId: r.aad_object_id,
  joinedAt: iso(r.joined_at),
  leftAt: isoOrNull(r.left_at),
  source: 'report' as const,
});

export class AttendanceRepository implements AttendanceStore {
  constructor(private readonly db: Kysely<Database>) {}

  async addEvent(meetingId: string, event: AttendanceEvent): Promise<void> {
    await this.db
      .insertInto('attendance_events')
      .values({
        meeting_id: meetingId,
        member_id: event.memberId,
        display_name: event.displayName,
        aad_object_id: event.aadObjectId,
        kind: event.kind,
        at: event.at,
        source: event.source,
        tenant_id: event.tenantId ?? null,
      })
      .execute();
  }

  async events(meetingId: string): Promise<AttendanceEvent[]> {
    const rows = await this.db
      .selectFrom('attendance_events')
      .select(['member_id', 'display_name', 'aad_object_id', 'kind', 'at', 'source'])
      .where('meeting_id', '=', meetingId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(toEvent);
  }

  async addReportInterval(meetingId: string, interval: Omit<AttendanceInterval, 'id' | 'meetingId' | 'source'>): Promise<void> {
    await this.db
      .insertInto('attendance_intervals')
      .values({
        meeting_id: meetingId,
        member_id: interval.memberId,
        display_name: interval.displayName,
        aad_object_id: interval.aadObjectId,
        joined_at: interval.joinedAt,
        left_at: interval.leftAt,
        source: 'report',
      })
      .execute();
  }

  async reportIntervals(meetingId: string): Promise<AttendanceInterval[]> {
    const rows = await this.db
      .selectFrom('attendance_intervals')
      .select(['id', 'meeting_id', 'member_id', 'display_name', 'aad_object_id', 'joined_at', 'left_at'])
      .where('meeting_id', '=', meetingId)
      .orderBy('joined_at')
      .orderBy('id')
      .execute();
    return rows.map(toReportInterval);
  }

  async quorumFacts(groupId: string, meetingId: string): Promise<QuorumFacts> {
    const result = await sql<QuorumFactsRow>`select ${sql.join(quorumFactsColumns(groupId, meetingId))}`.execute(this.db);
    return toQuorumFacts(result.rows[0]!);
  }
}

export interface QuorumFactsRow {
  roster: MemberRow[];
  events: EventRow[];
  report: IntervalRow[];
  conflicts: Array<{ item_id: string; member_ids: string[] }>;
}

/**
 * The four lists of QuorumFacts as JSON, each in the order its own read above gives it, as the
 * columns roster, events, report and conflicts: for one statement of their own, or beside the
 * meeting a command reads. `groupId`, `meetingId`: values or column references.
 */
export function quorumFactsColumns(groupId: unknown, meetingId: unknown) {
  return [
    rosterJson(groupId).as('roster'),
    sql<EventRow[]>`coalesce((select json_agg(json_build_object('member_id', e.member_id, 'display_name', e.display_name, 'aad_object_id', e.aad_object_id, 'kind', e.kind, 'at', e.at, 'source', e.source) order by e.at, e.id)
        from attendance_events e where e.meeting_id = ${meetingId}), '[]')`.as('events'),
    sql<IntervalRow[]>`coalesce((select json_agg(json_build_object('id', i.id, 'meeting_id', i.meeting_id, 'member_id', i.member_id, 'display_name', i.display_name, 'aad_object_id', i.aad_object_id, 'joined_at', i.joined_at, 'left_at', i.left_at) order by i.joined_at, i.id)
        from attendance_intervals i where i.meeting_id = ${meetingId}), '[]')`.as('report'),
    sql<QuorumFactsRow['conflicts']>`coalesce((select json_agg(json_build_object('item_id', s.item_id, 'member_ids', s.member_ids) order by s.created_at, s.seq)
        from paragraph_statements s where s.meeting_id = ${meetingId} and s.kind = 'conflict'), '[]')`.as('conflicts'),
  ];
}

export function toQuorumFacts(row: QuorumFactsRow): QuorumFacts {
  return {
    roster: row.roster.map(toMember),
    events: row.events.map(toEvent),
    reportIntervals: row.report.map(toReportInterval),
    conflicts: row.conflicts.map((c) => ({ itemId: c.item_id, memberIds: c.member_ids })),
  };
}
