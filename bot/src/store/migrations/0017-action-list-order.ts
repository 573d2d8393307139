/**
 * The tab's action list in keyset pages, newest first (created_at desc, seq desc: seq breaks ties
 * between actions recorded in the same instant), filtered in the database:
 *  - every action of a group, in list order;
 *  - by status (open, done, and overdue, which is open with a due date before today), in list
 *    order; it replaces action_items_group, which lacked seq and so left the last step to a sort;
 *  - by owner (a roster member), in list order;
 *  - the actions without any owner, a partial index because they are few among many.
 * Each lets a page read its rows from the index in order and stop after `limit`, however long the
 * group's history, instead of sorting every matching row.
 */
export default /* sql */ `
drop index if exists action_items_group;
create index action_items_group_order on action_items (group_id, created_at desc, seq desc);
create index action_items_group_status_order on action_items (group_id, status, created_at desc, seq desc);
create index action_items_group_owner_order on action_items (group_id, owner_member_id, created_at desc, seq desc);
create index action_items_group_ownerless_order on action_items (group_id, created_at desc, seq desc) where owner_name is null;
`;
