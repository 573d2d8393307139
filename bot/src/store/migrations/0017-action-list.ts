/**
 * The tab's action list in keyset pages, newest first (created_at desc, seq desc: seq breaks ties
 * between actions recorded in the same instant), filtered in the database:
 *  - every action of a group, in list order;
 *  - by status (open, done, and overdue, which is open with a due date before today), in list
 *    order; it replaces action_items_group, which lacked seq and so left the last step to a sort;
 *  - by owner (a roster member), in list order;
 *  - the actions without any owner, a partial index because they are few among many.
 * Each lets a page read its rows from an index in order and stop after `limit`, however long the
 * group's history, instead of sorting every matching row.
 *
 * The first page also says how many actions are open, overdue and done. Counting a group's actions
 * row by row costs as much as the list once did (tens of milliseconds at 100,000 actions, even from
 * an index), so action_counts keeps the count per group, owner, status and due date, kept by a
 * trigger on every write to action_items, in the same transaction. "Overdue" depends on today, so
 * the due date stays a key and the tab's totals sum a few hundred rows instead of counting every
 * action. The backfill counts the actions already there.
 */
export default /* sql */ `
drop index if exists action_items_group;
create index action_items_group_order on action_items (group_id, created_at desc, seq desc);
create index action_items_group_status_order on action_items (group_id, status, created_at desc, seq desc);
create index action_items_group_owner_order on action_items (group_id, owner_member_id, created_at desc, seq desc);
create index action_items_group_ownerless_order on action_items (group_id, created_at desc, seq desc) where owner_name is null;

create table action_counts (
  group_id uuid not null references groups (id) on delete cascade,
  -- the roster member who owns them; null for a free-text owner or none
  owner_member_id uuid,
  -- owner_name is null: nobody at all owns them
  ownerless boolean not null,
  status text not null,
  due_date date,
  n integer not null,
  unique nulls not distinct (group_id, owner_member_id, ownerless, status, due_date)
);

insert into action_counts (group_id, owner_member_id, ownerless, status, due_date, n)
select group_id, owner_member_id, owner_name is null, status, due_date, count(*)
from action_items group by group_id, owner_member_id, owner_name is null, status, due_date;

create function action_counts_follow() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update action_counts set n = n - 1
    where group_id = old.group_id and owner_member_id is not distinct from old.owner_member_id
      and ownerless = (old.owner_name is null) and status = old.status and due_date is not distinct from old.due_date;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into action_counts (group_id, owner_member_id, ownerless, status, due_date, n)
    values (new.group_id, new.owner_member_id, new.owner_name is null, new.status, new.due_date, 1)
    on conflict (group_id, owner_member_id, ownerless, status, due_date) do update set n = action_counts.n + 1;
  end if;
  return null;
end;
$$;

create trigger action_counts_follow
after insert or delete or update of group_id, owner_member_id, owner_name, status, due_date on action_items
for each row execute function action_counts_follow();
`;
