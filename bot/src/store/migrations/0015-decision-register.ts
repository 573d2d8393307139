/**
 * The decision register: every decision clause searchable by its words and its paragraph's title.
 *  - `search` on decisions and agenda items: the text as PostgreSQL's `swedish` configuration reads
 *    it (stemmed, so `arbetsordning` finds `arbetsordningen`), kept by the database whenever the
 *    text changes (`ändra punkt`, a corrected clause). A search reads a clause and its titles together
 *    within the caller's groups, so it scans those groups' stored vectors; a GIN index per column
 *    could not serve a match spread over two tables.
 *  - the meeting's date as the register sorts it (started, else planned, else created), indexed per group, so the
 *    newest decisions of a group with years of history are found without sorting all of them.
 *  - decisions by meeting in recorded order, for the register's rows of one meeting.
 */
export default /* sql */ `
alter table decisions add column search tsvector generated always as (to_tsvector('swedish', clause)) stored;
create index decisions_meeting on decisions (meeting_id, seq);

alter table agenda_items add column search tsvector generated always as (to_tsvector('swedish', title)) stored;

create index meetings_group_date on meetings (group_id, (coalesce(started_at, starts_at, created_at)) desc, id desc);
`;
