/**
 * One trigger for a roster change, instead of two that each picked their own meetings of the group:
 * 0022 noted the meetings awaiting justering (the draft rule asks whether this transaction changed
 * their printed names, titles or parties) and 0026 noted the planned and running ones with a
 * notification (the side panel's attendance and quorum advice read the roster). The rule per status
 * is now in one place:
 *  - planerat, pågår: noted in meeting_changes and notified, since a panel may be following them;
 *  - justering: noted only, since no panel follows a draft and the note is for the draft rule;
 *  - utkast, justerat, inställt: nothing (a draft being completed is versioned when it goes to
 *    justering, a justerat protokoll no longer changes, a cancelled meeting has no protokoll).
 * note_group_change (0022) stays: the trigger on groups still uses it.
 */
export default /* sql */ `
drop trigger roster_members_printed on roster_members;
drop trigger roster_members_live on roster_members;
drop function note_roster_change();

-- The body keeps no statement at the end of a line: migrate.ts splits a script at line-ending semicolons.
create function note_roster_member_change() returns trigger language plpgsql as $$
declare changed_group uuid := (case when tg_op = 'DELETE' then old.group_id else new.group_id end); noted record; begin
  for noted in select id, status from meetings where group_id = changed_group and status in ('planerat', 'pågår', 'justering') loop
    insert into meeting_changes (meeting_id, tx) values (noted.id, txid_current()) on conflict do nothing;
    if noted.status <> 'justering' then perform pg_notify('protokoll_live', noted.id::text); end if; end loop; return null; end
$$;

create trigger roster_members_noted after insert or update or delete on roster_members
  for each row execute function note_roster_member_change();
`;
