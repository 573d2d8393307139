/**
 * User-specific approval cards and updates in place.
 *  - roster_members.teams_user_id: the member's Teams user id (`29:…`), learnt when they join a
 *    meeting or write to the bot; the approval card's `refresh.userIds` needs it.
 *  - approval_card_posts: every posted approval card (where, and its activity id), so a new draft
 *    version or an approval updates the card everyone sees instead of posting another one.
 *  - meetings.approval_reminder_at: when the approvers were last reminded of the deadline (claimed
 *    atomically, so several server instances remind once).
 */
export default /* sql */ `
alter table roster_members add column teams_user_id text;

create table approval_card_posts (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  conversation_id text not null,
  reference jsonb not null,
  activity_id text not null,
  created_at timestamptz not null default now(),
  unique (conversation_id, activity_id)
);
create index approval_card_posts_meeting on approval_card_posts (meeting_id);

alter table meetings add column approval_reminder_at timestamptz;
`;
