/**
 * Every change to what a protokoll prints is noted in meeting_changes (0019-live-meeting), so the
 * draft rule can ask in one statement whether this very transaction changed a draft awaiting
 * justering, instead of reading the whole record on every turn to compare it with the draft.
 * 0019 notes the tables the live panel shows; the protokoll also prints these:
 *  - paragraph_adjustments (`justeras omedelbart`): noted for its meeting, like the others.
 *  - groups (deciding body, numbering, clause style) and roster_members (names, titles, parties):
 *    they belong to a group, not a meeting, so they are noted for the group's meetings awaiting
 *    justering, the only ones whose printed text a change can still reach.
 */
export default /* sql */ `
create trigger paragraph_adjustments_live after insert or update or delete on paragraph_adjustments
  for each row execute function note_meeting_change('meeting_id');

-- The body keeps no statement at the end of a line: migrate.ts splits a script at line-ending semicolons.
create function note_group_change() returns trigger language plpgsql as $$
declare changed text := (case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end) ->> tg_argv[0]; begin
  if changed is not null then
    insert into meeting_changes (meeting_id, tx) select id, txid_current() from meetings where group_id = changed::uuid and status = 'justering' on conflict do nothing; end if; return null; end
$$;

create trigger groups_printed after update on groups
  for each row execute function note_group_change('id');
create trigger roster_members_printed after insert or update or delete on roster_members
  for each row execute function note_group_change('group_id');
`;
