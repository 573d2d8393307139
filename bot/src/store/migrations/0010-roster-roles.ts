/**
 * Roster entries with several roles, kept in the order typed.
 *  - roles: every role of the entry (`["sekreterare", "ledamot"]`), a JSON array like the other
 *    lists of the store; existing entries get their one role. The old `role` column stays, always
 *    the first of `roles` (checked), for whatever still reads a single role.
 *  - position: where the entry stands in the roster. Existing entries keep the order they were
 *    listed in until now (huvudman, then name); new ones are added after the last.
 */
export default /* sql */ `
alter table roster_members add column roles jsonb;
update roster_members set roles = jsonb_build_array(role);
alter table roster_members alter column roles set not null;
alter table roster_members add constraint roster_members_roles_check
  check (jsonb_typeof(roles) = 'array' and jsonb_array_length(roles) > 0 and role = roles ->> 0);

alter table roster_members add column position integer;
update roster_members set position = ordered.n
  from (select id, row_number() over (partition by group_id order by principal, name) as n from roster_members) as ordered
  where ordered.id = roster_members.id;
alter table roster_members alter column position set not null;
create index roster_members_order on roster_members (group_id, position);
`;
