/**
 * The record during justering: each document version keeps a digest of what it prints (without
 * its version number, status and time of rendering). After every write the current content is
 * compared with it, and a difference makes a new version: approvals are given to exact content,
 * so no path can change a draft under its approvers. Versions from before have none, and the next
 * write during their justering makes a new version, which is the safe side.
 */
export default /* sql */ `
alter table document_versions add column content_digest text;
create index meetings_awaiting_approval on meetings (group_id) where status = 'justering';
`;
