/**
 * A planned meeting whose time passed without being started (no `starta`, no Teams meeting start)
 * keeps the group's calendar from linking its next meeting. The secretary is told once per such
 * meeting: meetings.never_started_told_at is claimed with one conditional UPDATE, so however many
 * instances run the scheduler, and however many runs pass before someone acts, it is said once.
 */
export default /* sql */ `
alter table meetings add column never_started_told_at timestamptz;
`;
