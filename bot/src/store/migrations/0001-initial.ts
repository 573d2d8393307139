/** The initial schema. Migrations are append-only: never edit a released one, add the next. */
export default /* sql */ `
create table groups (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  name_key text not null unique,
  deciding_body text not null,
  document_kind text not null default 'Sammanträdesprotokoll',
  numbering_style text not null default 'meeting' check (numbering_style in ('meeting', 'year', 'year-suffix')),
  numbering_start integer,
  numbering_start_year integer,
  quorum_rule text not null default 'huvudman' check (quorum_rule in ('huvudman', 'region-kommun', 'av')),
  numbered_clauses boolean not null default false,
  elects_adjuster boolean not null default false,
  tenant_id text,
  team_id text,
  channel_id text,
  created_at timestamptz not null default now()
);

-- A Teams conversation (channel, meeting chat, personal chat) bound to a group, with the
-- conversation reference needed to post to it later (agenda, drafts, reminders).
create table conversations (
  conversation_id text primary key,
  group_id uuid references groups (id) on delete cascade,
  kind text not null,
  reference jsonb not null,
  updated_at timestamptz not null default now()
);
create index conversations_group on conversations (group_id);

create table roster_members (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references groups (id) on delete cascade,
  name text not null,
  name_key text not null,
  title text not null default '',
  principal text not null default '',
  role text not null,
  party text,
  aad_object_id text,
  email text,
  created_at timestamptz not null default now(),
  unique (group_id, name_key)
);

create table meetings (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references groups (id) on delete cascade,
  status text not null default 'planerat' check (status in ('planerat', 'pågår', 'utkast', 'justering', 'justerat')),
  starts_at timestamptz,
  ends_at timestamptz,
  started_at timestamptz,
  ended_at timestamptz,
  place text not null default 'via Teams',
  current_item_id uuid,
  teams_meeting_id text,
  join_url text,
  conversation_id text,
  approval_deadline timestamptz,
  adjuster_member_ids jsonb not null default '[]',
  distribution_list jsonb not null default '[]',
  created_at timestamptz not null default now()
);
create index meetings_group on meetings (group_id, starts_at);
create unique index meetings_teams_meeting on meetings (group_id, teams_meeting_id) where teams_meeting_id is not null;
-- At most one meeting per group that is planned or running: "the next (or current) meeting".
create unique index meetings_one_open on meetings (group_id) where status in ('planerat', 'pågår');

create table agenda_items (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  group_id uuid not null references groups (id) on delete cascade,
  parent_id uuid references agenda_items (id) on delete cascade,
  position integer not null,
  section text,
  title text not null,
  type_tag text,
  standard_kind text,
  number integer,
  presenters jsonb not null default '[]',
  outcome text not null default 'open' check (outcome in ('open', 'information', 'decided', 'postponed')),
  recipients jsonb not null default '[]',
  carried_from_item_id uuid,
  created_at timestamptz not null default now()
);
create index agenda_items_meeting on agenda_items (meeting_id, parent_id, position);

create table paragraph_visits (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  item_id uuid not null references agenda_items (id) on delete cascade,
  opened_at timestamptz not null
);
create index paragraph_visits_meeting on paragraph_visits (meeting_id, opened_at);

create table notes (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  item_id uuid not null references agenda_items (id) on delete cascade,
  text text not null,
  created_at timestamptz not null
);
create index notes_item on notes (item_id, created_at);

create table decisions (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  item_id uuid not null references agenda_items (id) on delete cascade,
  clause text not null,
  quorate boolean not null,
  created_at timestamptz not null
);
create index decisions_item on decisions (item_id, created_at);

create table action_items (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references groups (id) on delete cascade,
  meeting_id uuid not null references meetings (id) on delete cascade,
  item_id uuid not null references agenda_items (id) on delete cascade,
  text text not null,
  owner_member_id uuid references roster_members (id) on delete set null,
  owner_name text,
  due_date date,
  status text not null default 'open' check (status in ('open', 'done')),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null default now()
);
create index action_items_group on action_items (group_id, status, created_at desc);

create table attendance_intervals (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  member_id uuid references roster_members (id) on delete set null,
  display_name text not null,
  aad_object_id text,
  joined_at timestamptz not null,
  left_at timestamptz,
  source text not null check (source in ('live', 'report', 'manual'))
);
create index attendance_meeting on attendance_intervals (meeting_id, joined_at);

create table document_versions (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  version integer not null,
  sha256 text not null,
  docx bytea not null,
  final boolean not null default false,
  created_at timestamptz not null default now(),
  unique (meeting_id, version)
);

create table approvals (
  id uuid primary key default gen_random_uuid(),
  document_version_id uuid not null references document_versions (id) on delete cascade,
  member_id uuid not null references roster_members (id) on delete cascade,
  aad_object_id text,
  decision text not null check (decision in ('approved', 'changes-requested')),
  comment text,
  at timestamptz not null,
  unique (document_version_id, member_id)
);

-- Teams retries activities: an activity is handled only if its key can be inserted here,
-- in the same transaction as everything it records.
create table processed_activities (
  activity_key text primary key,
  processed_at timestamptz not null default now()
);

-- botbuilder Storage (dialog/conversation state), with eTag concurrency.
create table bot_state (
  key text primary key,
  etag text not null,
  document jsonb not null,
  updated_at timestamptz not null default now()
);
`;
