/**
 * The meeting in the side panel: followed live, and timed.
 *
 * The meeting side panel follows a meeting live (GET /api/meetings/{id}/live). Every write path
 * (chat commands, cards, Teams events, the scheduler, the panel's own forms) changes one of the
 * tables below, so the change is noted here by triggers rather than by each path remembering to.
 *  - meeting_changes: one row per transaction that changed a meeting (unique per transaction id),
 *    never deleted. Their count is the meeting's change number: it grows with every commit and is
 *    read in the same snapshot as what the panel shows, so it serves as the stream's event id.
 *    No foreign key: a row noted while its meeting is being deleted must not fail the delete.
 *  - pg_notify('protokoll_live', meeting id): PostgreSQL delivers it when the transaction commits,
 *    to every server instance listening (PGlite delivers it the same way in-process), and drops it
 *    with a rollback. Identical notifications within one transaction arrive once.
 *  - agenda_items.planned_minutes (`tid <minuter>`, or `(10 min)` in the invitation): the agenda
 *    timer counts against it; it is for the meeting, never printed in the protokoll.
 *    overrun_told_at: the chair and the secretary were told that the item ran over (once per item,
 *    claimed with a conditional UPDATE, so one server instance tells it).
 */
export default /* sql */ `
alter table agenda_items add column planned_minutes integer check (planned_minutes between 1 and 600);
alter table agenda_items add column overrun_told_at timestamptz;

create table meeting_changes (
  meeting_id uuid not null,
  tx bigint not null,
  at timestamptz not null default now(),
  primary key (meeting_id, tx)
);

-- The body keeps no statement at the end of a line: migrate.ts splits a script at line-ending semicolons.
create function note_meeting_change() returns trigger language plpgsql as $$
declare changed text := (case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end) ->> tg_argv[0]; begin
  if changed is not null then
    insert into meeting_changes (meeting_id, tx) values (changed::uuid, txid_current()) on conflict do nothing; perform pg_notify('protokoll_live', changed); end if; return null; end
$$;

create trigger meetings_live after update on meetings
  for each row execute function note_meeting_change('id');
create trigger agenda_items_live after insert or update or delete on agenda_items
  for each row execute function note_meeting_change('meeting_id');
create trigger paragraph_visits_live after insert on paragraph_visits
  for each row execute function note_meeting_change('meeting_id');
create trigger notes_live after insert or update or delete on notes
  for each row execute function note_meeting_change('meeting_id');
create trigger decisions_live after insert or update or delete on decisions
  for each row execute function note_meeting_change('meeting_id');
create trigger action_items_live after insert or update or delete on action_items
  for each row execute function note_meeting_change('meeting_id');
create trigger attendance_events_live after insert on attendance_events
  for each row execute function note_meeting_change('meeting_id');
create trigger attendance_intervals_live after insert or update on attendance_intervals
  for each row execute function note_meeting_change('meeting_id');
create trigger paragraph_statements_live after insert or delete on paragraph_statements
  for each row execute function note_meeting_change('meeting_id');
`;
