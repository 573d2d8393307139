/**
 * Live presence is kept as the raw join/leave events (Teams' and manual corrections) and turned
 * into intervals when read: events may arrive twice or out of order (a leave before its join),
 * and sorting by their own timestamps makes that harmless. attendance_intervals keeps the
 * intervals of the Teams attendance report.
 */
export default /* sql */ `
create table attendance_events (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  member_id uuid references roster_members (id) on delete set null,
  display_name text not null,
  aad_object_id text,
  kind text not null check (kind in ('join', 'leave')),
  at timestamptz not null,
  source text not null check (source in ('live', 'manual'))
);
create index attendance_events_meeting on attendance_events (meeting_id, at);
`;
