/**
 * What every turn reads before its work, in one statement: the claim of the activity's id (a
 * retried activity finds it taken), the conversation's group (conversationGroup in group.repository.ts) and the
 * sender's roster entry by the Entra object id Teams sends. Three round trips were the fixed cost
 * of every command; this is one.
 *
 * A turn that works on the group's open meeting also takes that meeting's lock here, first of all.
 * The read of the meeting with its agenda then comes in a statement of its own, after the lock is
 * held: under READ COMMITTED a statement reads what was committed when it began, so a statement
 * that waits for the lock and reads the agenda in one go would miss what the transaction it waited
 * for wrote (MeetingRepository.findOpenWithAgendaForUpdate).
 */
import { sql, type Kysely } from 'kysely';
import type { TurnContext, TurnFacts } from '../core/ports';
import type { Database } from './schema';
import { conversationGroup, isTeamChannel, toGroup } from './group.repository';
import { compiledOnce } from './compiled-once';
import { rosterMemberObject, toMember, type MemberRow } from './roster.repository';

export type ClaimedTurnContext = TurnContext & { claimed: boolean; openMeetingLocked: boolean };

type ContextRow = Record<string, unknown> & { claimed: boolean; open_meeting_locked: boolean; sender: MemberRow | null };

/** The context statement in one of its four shapes: whether it locks the open meeting, and whether the conversation is a team's channel. */
function turnContextStatement(lockOpenMeeting: boolean, inTeamChannel: boolean) {
  return compiledOnce((db, idempotencyKey: string | null, conversationId: string, teamId: string | null, channelId: string | null, senderAadObjectId: string | null) => sql<ContextRow>`
    with claim as (
      insert into processed_activities (activity_key)
      select key from (select ${idempotencyKey}::text as key) k where key is not null
      on conflict (activity_key) do nothing
      returning activity_key
    ),
    bound as (${conversationGroup({ conversationId, teamId, channelId }, inTeamChannel)}),
    locked as (
      select m.id from meetings m
      where ${sql.lit(lockOpenMeeting)} and m.group_id = (select id from bound) and m.status in ('planerat', 'pågår')
      for update
    )
    select
      ${idempotencyKey}::text is null or exists (select 1 from claim) as claimed,
      exists (select 1 from locked) as open_meeting_locked,
      g.*,
      (select ${rosterMemberObject} from roster_members r
        where r.group_id = g.id and lower(r.aad_object_id) = lower(${senderAadObjectId}::text)) as sender
    from (select 1) one left join bound g on true`);
}

const turnContextStatements = {
  locking: { channel: turnContextStatement(true, true), chat: turnContextStatement(true, false) },
  reading: { channel: turnContextStatement(false, true), chat: turnContextStatement(false, false) },
};

export async function readTurnContext(db: Kysely<Database>, facts: TurnFacts): Promise<ClaimedTurnContext> {
  // A CTE's insert is done whatever the outer query reads; with no key there is nothing to claim.
  const statement = turnContextStatements[facts.lockOpenMeeting === true ? 'locking' : 'reading'][isTeamChannel(facts) ? 'channel' : 'chat'];
  const result = await statement.execute(db, facts.idempotencyKey, facts.conversationId, facts.teamId, facts.channelId, facts.senderAadObjectId);
  const row = result.rows[0]!;
  const group = row.id ? toGroup(row as unknown as Parameters<typeof toGroup>[0]) : null;
  return { claimed: row.claimed, group, sender: group && row.sender ? toMember(row.sender) : null, openMeetingLocked: row.open_meeting_locked };
}
