/**
 * A sub-point's letter is its place among its siblings (`a)`, `b)`): the action list, the decision
 * register and the protokoll count the siblings before it. Without an index on the parent that count
 * read the whole agenda table, and at years of history its estimated cost alone made PostgreSQL
 * compile the query (JIT) for a third of a second.
 */
export default /* sql */ `
create index agenda_items_siblings on agenda_items (parent_id, position) where parent_id is not null;
`;
