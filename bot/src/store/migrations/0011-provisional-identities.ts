/**
 * Teams participants matched to a roster entry by display name alone. A display name is anyone's to
 * choose, so such a match ties nothing: it is kept here until the secretary confirms it
 * (`bekräfta <namn>`), and only then does the entry take the account's ids.
 */
export default /* sql */ `
create table provisional_identities (
  group_id uuid not null references groups (id) on delete cascade,
  member_id uuid not null references roster_members (id) on delete cascade,
  aad_object_id text not null,
  teams_user_id text,
  display_name text not null,
  seen_at timestamptz not null,
  primary key (group_id, member_id, aad_object_id)
);
`;
