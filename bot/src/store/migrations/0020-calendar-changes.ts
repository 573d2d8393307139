/**
 * Calendars change after the agenda is read: meetings are moved, cancelled, their invitations edited,
 * and groups meet in recurring series.
 *  - meetings.status gains `inställt`: a planned meeting whose invitation was cancelled (or deleted
 *    before it started). It never runs, and its agenda items went on to the next meeting.
 *  - agenda_items.from_invitation: the item (or sub-point) came from the invitation's body, so a
 *    re-read of an edited invitation may change or remove it; items typed with `ny punkt` or carried
 *    over never are.
 *  - meetings.event_agenda: the invitation's agenda as last read (JSON), so an edit is found by
 *    comparing invitations, not by comparing with what the secretary has changed since.
 *  - agenda_card_posts: where the agenda card was posted (conversation and activity), so a moved
 *    meeting or an edited invitation updates that card in place instead of posting another.
 *  - calendar_links.delta_link / delta_window_*, calendar_events: a group's calendar followed with
 *    `calendarView/delta`: the link to ask next, the window it covers, and the events it has told of.
 */
export default /* sql */ `
alter table meetings drop constraint if exists meetings_status_check;
alter table meetings add constraint meetings_status_check
  check (status in ('planerat', 'pågår', 'utkast', 'justering', 'justerat', 'inställt'));

alter table agenda_items add column from_invitation boolean not null default false;
alter table meetings add column event_agenda jsonb;

create table agenda_card_posts (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  conversation_id text not null,
  reference jsonb not null,
  activity_id text not null,
  created_at timestamptz not null default now(),
  unique (conversation_id, activity_id)
);
create index agenda_card_posts_meeting on agenda_card_posts (meeting_id);

alter table calendar_links add column delta_link text;
alter table calendar_links add column delta_window_from timestamptz;
alter table calendar_links add column delta_window_to timestamptz;

create table calendar_events (
  group_id uuid not null references groups (id) on delete cascade,
  event_id text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  event jsonb not null,
  primary key (group_id, event_id)
);
`;
