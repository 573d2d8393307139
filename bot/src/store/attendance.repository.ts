import type { Kysely } from 'kysely';
import type { AttendanceStore } from '../core/ports';
import type { AttendanceEvent, AttendanceInterval } from '../core/model';
import type { Database } from './schema';
import { iso, isoOrNull } from './rows';

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
    return rows.map((r) => ({
      memberId: r.member_id,
      displayName: r.display_name,
      aadObjectId: r.aad_object_id,
      kind: r.kind as AttendanceEvent['kind'],
      at: iso(r.at),
      source: r.source as AttendanceEvent['source'],
    }));
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
    return rows.map((r) => ({
      id: r.id,
      meetingId: r.meeting_id,
      memberId: r.member_id,
      displayName: r.display_name,
      aadObjectId: r.aad_object_id,
      joinedAt: iso(r.joined_at),
      leftAt: isoOrNull(r.left_at),
      source: 'report' as const,
    }));
  }
}
