/**
 * What Graph told about a group's online meetings (see OnlineMeetingStore), and the lookup problem
 * last told to the secretary. A problem is claimed with one conditional upsert, so of several server
 * instances one tells it.
 */
import type { Kysely } from 'kysely';
import type { KnownOnlineMeeting } from '../core/online-meeting';
import type { OnlineMeetingStore } from '../core/ports';
import type { Database } from './schema';

export class OnlineMeetingRepository implements OnlineMeetingStore {
  constructor(private readonly db: Kysely<Database>) {}

  async find(groupId: string, joinUrl: string): Promise<KnownOnlineMeeting | null> {
    const row = await this.db
      .selectFrom('online_meetings')
      .select(['join_url', 'online_meeting_id', 'chat_id', 'organizer_id'])
      .where('group_id', '=', groupId)
      .where('join_url', '=', joinUrl)
      .executeTakeFirst();
    return row ? { joinUrl: row.join_url, id: row.online_meeting_id, chatId: row.chat_id, organizerId: row.organizer_id } : null;
  }

  async remember(groupId: string, meeting: KnownOnlineMeeting): Promise<void> {
    const values = { online_meeting_id: meeting.id, chat_id: meeting.chatId, organizer_id: meeting.organizerId };
    await this.db
      .insertInto('online_meetings')
      .values({ group_id: groupId, join_url: meeting.joinUrl, ...values })
      .onConflict((oc) => oc.columns(['group_id', 'join_url']).doUpdateSet({ ...values, resolved_at: new Date() }))
      .execute();
  }

  async claimProblem(groupId: string, problem: string): Promise<boolean> {
    const claimed = await this.db
      .insertInto('online_meeting_problems')
      .values({ group_id: groupId, problem })
      .onConflict((oc) => oc.column('group_id').doUpdateSet({ problem, told_at: new Date() }).where('online_meeting_problems.problem', '!=', problem))
      .returning('group_id')
      .executeTakeFirst();
    return !!claimed;
  }

  async clearProblem(groupId: string): Promise<void> {
    await this.db.deleteFrom('online_meeting_problems').where('group_id', '=', groupId).execute();
  }
}
