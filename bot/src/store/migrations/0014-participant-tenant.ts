/**
 * Guests from other organisations (a kommun's people in the Region's meeting) are recorded with
 * the tenant Teams reports for their account, so who attended from where is a fact on the record.
 */
export default /* sql */ `
alter table attendance_events add column tenant_id text;
`;
