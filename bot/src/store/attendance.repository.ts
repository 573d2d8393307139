import type { Kysely } from 'kysely';
import type { AttendanceStore } from '../core/ports';
import type { AttendanceInterval, AttendanceSource, IsoTime } from '../core/model';
import type { Database } from './schema';
import { iso, isoOrNull } from './rows';

export class AttendanceRepository implements AttendanceStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(meetingId: string): Promise<AttendanceInterval[]> {
    const rows = await this.db
      .selectFrom('attendance_intervals')
      .select(['id', 'meeting_id', 'member_id', 'display_name', 'aad_object_id', 'joined_at', 'left_at', 'source'])
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
      source: r.source as AttendanceSource,
    }));
  }

  async open(meetingId: string, interval: Omit<AttendanceInterval, 'id' | 'meetingId' | 'leftAt'>): Promise<void> {
    await this.add(meetingId, { ...interval, leftAt: null });
  }

  async add(meetingId: string, interval: Omit<AttendanceInterval, 'id' | 'meetingId'>): Promise<void> {
    await this.db
      .insertInto('attendance_intervals')
      .values({
        meeting_id: meetingId,
        member_id: interval.memberId,
        display_name: interval.displayName,
        aad_object_id: interval.aadObjectId,
        joined_at: interval.joinedAt,
        left_at: interval.leftAt,
        source: interval.source,
      })
      .execute();
  }

  async close(
    meetingId: string,
    person: { memberId: string | null; aadObjectId: string | null; displayName: string },
    at: IsoTime,
  ): Promise<boolean> {
    let query = this.db
      .updateTable('attendance_intervals')
      .set({ left_at: at })
      .where('meeting_id', '=', meetingId)
      .where('left_at', 'is', null)
      .where('joined_at', '<=', new Date(at));
    query = person.memberId
      ? query.where('member_id', '=', person.memberId)
      : person.aadObjectId
        ? query.where('aad_object_id', '=', person.aadObjectId)
        : query.where('display_name', '=', person.displayName);
    const result = await query.executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async closeAll(meetingId: string, at: IsoTime): Promise<void> {
    await this.db
      .updateTable('attendance_intervals')
      .set({ left_at: at })
      .where('meeting_id', '=', meetingId)
      .where('left_at', 'is', null)
      .execute();
  }
}
