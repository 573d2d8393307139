/**
 * Action items by their paragraph, like notes and decisions (notes_item, decisions_item): a command
 * on the current paragraph counts what the paragraph already holds (the per-paragraph limit), and
 * without this index that count read every action of every group — ten years of a region's actions
 * for each `anteckning`.
 */
export default /* sql */ `
create index action_items_item on action_items (item_id, created_at);
`;
