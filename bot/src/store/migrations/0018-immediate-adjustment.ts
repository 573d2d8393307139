/**
 * Omedelbar justering of a single paragraph during the meeting (KL 8 kap. 12 §): the chair and the
 * justerare approve that paragraph alone, then it is locked and its decisions take effect before the
 * whole protokoll is approved.
 *  - paragraph_adjustments: one per paragraph, made by `justeras omedelbart`; `content_digest` is the
 *    paragraph as it stood when asked (an approval counts only for that content); `adjusted_at` and
 *    `adjusted_seq` (the entry sequence, so the sentence prints after what the paragraph recorded)
 *    once every approver has approved.
 *  - paragraph_adjustment_approvals: who approved, by roster id and the Entra id they approved with.
 */
export default /* sql */ `
create table paragraph_adjustments (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  item_id uuid not null unique references agenda_items (id) on delete cascade,
  content_digest text not null,
  requested_at timestamptz not null,
  adjusted_at timestamptz,
  adjusted_seq bigint
);
create index paragraph_adjustments_meeting on paragraph_adjustments (meeting_id);

create table paragraph_adjustment_approvals (
  adjustment_id uuid not null references paragraph_adjustments (id) on delete cascade,
  member_id uuid not null references roster_members (id) on delete cascade,
  aad_object_id text,
  at timestamptz not null,
  primary key (adjustment_id, member_id)
);
`;
