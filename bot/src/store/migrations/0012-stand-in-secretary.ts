/**
 * `sekreterare <namn>`: a stand-in secretary for one meeting. Kept on the meeting, so the stand-in
 * may record that meeting (and its draft) only, and the group's own secretary is unchanged.
 */
export default /* sql */ `
alter table meetings add column stand_in_member_id uuid references roster_members (id) on delete set null;
`;
