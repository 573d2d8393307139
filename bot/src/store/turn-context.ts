/**
 * What every turn reads before its work, in one statement: the claim of the activity's id (a
 * retried activity finds it taken), the conversation's group (its binding, else its channel's
 * group, else the group whose short-link meeting has this chat — teams/group-resolver.ts's rule in
 * one query) and the sender's roster entry by the Entra object id Teams sends. Three round trips
 * were the fixed cost of every command; this is one.
 */
import { sql, type Kysely } from 'kysely';
import type { TurnContext, TurnFacts } from '../core/ports';
import type { Database } from './schema';
import { groupColumns, toGroup } from './group.repository';
import { rosterColumns, toMember, type MemberRow } from './roster.repository';

export type ClaimedTurnContext = TurnContext & { claimed: boolean };

export async function readTurnContext(db: Kysely<Database>, facts: TurnFacts): Promise<ClaimedTurnContext> {
  const groupList = sql.join(groupColumns.map((c) => sql.ref(`g.${c}`)));
  const memberObject = sql.join(rosterColumns.map((c) => sql`${sql.lit(c)}, r.${sql.ref(c)}`));
  // A CTE's insert is done whatever the outer query reads; with no key there is nothing to claim.
  const result = await sql<Record<string, unknown> & { claimed: boolean; sender: MemberRow | null }>`
    with claim as (
      insert into processed_activities (activity_key)
      select key from (select ${facts.idempotencyKey}::text as key) k where key is not null
      on conflict (activity_key) do nothing
      returning activity_key
    ),
    bound as (
      select ${groupList}, 1 as preference from conversations c join groups g on g.id = c.group_id
      where c.conversation_id = ${facts.conversationId}
      union all
      select ${groupList}, 2 from groups g
      where g.team_id = ${facts.teamId} and g.channel_id = ${facts.channelId}
      union all
      -- outside a team channel: the group whose calendar meeting has this chat, as Graph told for a short join link
      select * from (
        select ${groupList}, 3 from online_meetings o join groups g on g.id = o.group_id
        where o.chat_id = ${facts.conversationId} and (${facts.teamId}::text is null or ${facts.channelId}::text is null)
        order by o.resolved_at desc limit 1
      ) of_chat
      order by preference limit 1
    )
    select
      ${facts.idempotencyKey}::text is null or exists (select 1 from claim) as claimed,
      g.*,
      (select json_build_object(${memberObject}) from roster_members r
        where r.group_id = g.id and lower(r.aad_object_id) = lower(${facts.senderAadObjectId}::text)) as sender
    from (select 1) one left join bound g on true`.execute(db);
  const row = result.rows[0]!;
  const group = row.id ? toGroup(row as unknown as Parameters<typeof toGroup>[0]) : null;
  return { claimed: row.claimed, group, sender: group && row.sender ? toMember(row.sender) : null };
}
