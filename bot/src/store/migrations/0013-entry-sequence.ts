/**
 * What is recorded under a paragraph prints in the order it was recorded, and two entries with the
 * same timestamp keep the order in which they arrived (a random id used to break such ties).
 *  - entry_seq: one sequence shared by notes, decisions and action items, so entries of different
 *    kinds can be put in order among themselves. Existing entries are numbered in the order of
 *    their timestamps (ties as before: by kind, then id); new ones take the next number on insert.
 *  - agenda_items: when the paragraph's outcome (`information`, `bordlägg`) and its recipients
 *    (`skickas till`) were recorded, with a number from the same sequence. Left empty for what
 *    was recorded before this migration: such lines print after the paragraph's entries, as before.
 */
export default /* sql */ `
create sequence entry_seq as bigint;

alter table notes add column seq bigint;
alter table decisions add column seq bigint;
alter table action_items add column seq bigint;

-- The order of every existing entry, computed once and given to each kind in turn.
create temporary table entry_order as
  select kind, id, row_number() over (order by created_at, kind, id) as n from (
    select 1 as kind, id, created_at from notes
    union all select 2, id, created_at from decisions
    union all select 3, id, created_at from action_items) as entries;
update notes set seq = o.n from entry_order o where o.kind = 1 and o.id = notes.id;
update decisions set seq = o.n from entry_order o where o.kind = 2 and o.id = decisions.id;
update action_items set seq = o.n from entry_order o where o.kind = 3 and o.id = action_items.id;
drop table entry_order;
select setval('entry_seq', (select count(*) from notes) + (select count(*) from decisions) + (select count(*) from action_items) + 1, false);

alter table notes alter column seq set default nextval('entry_seq');
alter table notes alter column seq set not null;
alter table decisions alter column seq set default nextval('entry_seq');
alter table decisions alter column seq set not null;
alter table action_items alter column seq set default nextval('entry_seq');
alter table action_items alter column seq set not null;

alter table agenda_items add column outcome_at timestamptz;
alter table agenda_items add column outcome_seq bigint;
alter table agenda_items add column recipients_at timestamptz;
alter table agenda_items add column recipients_seq bigint;
`;
