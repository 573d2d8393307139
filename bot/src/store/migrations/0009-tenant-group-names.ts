/**
 * A group belongs to one tenant: its name is unique within the tenant, not across every
 * organisation that installs Protokoll, so another tenant's group is never found by name.
 * (Groups made without a tenant, in local development, share the empty tenant.)
 */
export default /* sql */ `
alter table groups drop constraint if exists groups_name_key_key;
create unique index groups_tenant_name on groups (coalesce(tenant_id, ''), name_key);
`;
