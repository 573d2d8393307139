/**
 * Reads that must not grow with a group's years of history (the bench's "Tio års historik"):
 *  - the paragraph numbers of a meeting, main items only, in order: the meeting list's first and last
 *    number and the year's last number used (renumbering) become one index probe per meeting
 *    instead of reading all thirty items of each, which lie scattered over the table.
 *  - meetings by the register's date (started, else planned, else created) across groups: the
 *    register of every group a caller may read walks the newest meetings of all of them in order
 *    instead of sorting the region's ten years to find the newest few.
 *  - the words a decision is found by — its clause, its paragraph's title and, for a sub-point, the
 *    main paragraph's title — kept together on the decision, so a search (and its count up to 200)
 *    filters a meeting's decisions by one stored vector instead of looking up each decision's
 *    paragraph and main paragraph first. Triggers keep it when a clause is written or corrected and
 *    when a paragraph is renamed or moved under another (`ändra punkt`, an agenda read again).
 */
export default /* sql */ `
create index agenda_items_numbers on agenda_items (meeting_id, number) where parent_id is null and number is not null;

create index meetings_date on meetings ((coalesce(started_at, starts_at, created_at)) desc, id desc);

alter table decisions add column register_search tsvector;

create function decision_titles_search(item_id uuid) returns tsvector language sql stable as $$
  select item.search || coalesce(parent.search, ''::tsvector)
  from agenda_items item left join agenda_items parent on parent.id = item.parent_id
  where item.id = item_id
$$;

create function decisions_register_search() returns trigger language plpgsql as $$
begin
  -- Before the row is written the generated "search" column is not computed yet: parse the clause here.
  new.register_search := to_tsvector('swedish', new.clause) || coalesce(decision_titles_search(new.item_id), ''::tsvector);
  return new;
end;
$$;

create trigger decisions_register_search
before insert or update of clause, item_id on decisions
for each row execute function decisions_register_search();

create function agenda_items_register_search() returns trigger language plpgsql as $$
begin
  update decisions d set register_search = d.search || coalesce(decision_titles_search(d.item_id), ''::tsvector)
  where d.item_id = new.id or d.item_id in (select sub.id from agenda_items sub where sub.parent_id = new.id);
  return null;
end;
$$;

create trigger agenda_items_register_search
after update of title, parent_id on agenda_items
for each row when (old.title is distinct from new.title or old.parent_id is distinct from new.parent_id)
execute function agenda_items_register_search();

update decisions d set register_search = d.search || coalesce(decision_titles_search(d.item_id), ''::tsvector);
alter table decisions alter column register_search set not null;
`;
