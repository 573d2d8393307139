/**
 * The side panel's attendance and quorum advice are read from the roster, so a roster edit during a
 * meeting (`ledamöter …`) is a change of that meeting's live view. The roster belongs to the group,
 * not to one meeting: a change is noted for each of the group's meetings that a panel can be
 * following (planned or running), through the same note as migration 0019's triggers.
 */
export default /* sql */ `
-- The body keeps no statement at the end of a line: migrate.ts splits a script at line-ending semicolons.
create function note_roster_change() returns trigger language plpgsql as $$
declare changed_group uuid := (case when tg_op = 'DELETE' then old.group_id else new.group_id end); followed record; begin
  for followed in select id from meetings where group_id = changed_group and status in ('planerat', 'pågår') loop
    insert into meeting_changes (meeting_id, tx) values (followed.id, txid_current()) on conflict do nothing; perform pg_notify('protokoll_live', followed.id::text); end loop; return null; end
$$;

create trigger roster_members_live after insert or update or delete on roster_members
  for each row execute function note_roster_change();
`;
