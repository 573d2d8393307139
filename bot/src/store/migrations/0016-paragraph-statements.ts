/**
 * What a member states under a paragraph, for the record (KL 5 kap.): `jäv` (a conflict of interest:
 * the member takes no part in the paragraph) and `reservation` (members dissenting from its
 * decision, with an optional motivation). Members by roster id, in the order typed, so a renamed
 * entry or an added party prints as the roster says; numbered from the entry sequence, so the
 * statement prints where it was recorded among the paragraph's notes and decisions.
 */
export default /* sql */ `
create table paragraph_statements (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  item_id uuid not null references agenda_items (id) on delete cascade,
  kind text not null check (kind in ('conflict', 'reservation')),
  member_ids jsonb not null,
  motivation text,
  created_at timestamptz not null,
  seq bigint not null default nextval('entry_seq')
);
create index paragraph_statements_meeting on paragraph_statements (meeting_id, created_at, seq);
`;
