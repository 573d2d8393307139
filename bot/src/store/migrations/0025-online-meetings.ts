/**
 * Short Teams join links (`/meet/<id>`) name no chat, so the online meeting behind one is looked up
 * in Microsoft Graph once and kept:
 *  - online_meetings: per group and join link, Graph's onlineMeeting id, the meeting chat's
 *    conversation id and the organizer's Entra object id. Keyed by the link, not the meeting: every
 *    occurrence of a recurring series shares one online meeting and one chat. The chat index finds
 *    the group of a Teams event from that chat.
 *  - online_meeting_problems: the lookup problem the group's secretary was last told of, so each
 *    problem is told once; a lookup that goes through clears it.
 *  - meetings.place_set_by_secretary: the place was typed with `plats`, so the invitation's room no
 *    longer fills it. Null for meetings from before: their place counts as the secretary's when it
 *    is not the default (it may have been typed), so nothing already chosen is overwritten.
 */
export default /* sql */ `
create table online_meetings (
  group_id uuid not null references groups (id) on delete cascade,
  join_url text not null,
  online_meeting_id text not null,
  chat_id text,
  organizer_id text,
  resolved_at timestamptz not null default now(),
  primary key (group_id, join_url)
);
create index online_meetings_chat on online_meetings (chat_id) where chat_id is not null;

create table online_meeting_problems (
  group_id uuid primary key references groups (id) on delete cascade,
  problem text not null,
  told_at timestamptz not null default now()
);

alter table meetings add column place_set_by_secretary boolean;
alter table meetings alter column place_set_by_secretary set default false;
`;
