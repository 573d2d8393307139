/**
 * After the meeting: Teams' attendance report and the documents in the channel's files.
 *  - meetings.report_imported_at: claimed with one conditional UPDATE (… where it is null returning)
 *    by the scheduler run that fetches the report; given back while Teams has no report yet, kept
 *    once the report is in or has been given up (24 hours after the meeting).
 *  - meetings.report_problem: the report access problem last told to the secretary (told once).
 *  - groups.team_graph_id: the team's Microsoft 365 group id (Bot Framework's `aadGroupId`), which
 *    Graph's /teams/{id} needs; the Teams thread id in team_id is not accepted there.
 *  - document_versions.upload_claimed_at / web_url: each version is uploaded to the channel's files
 *    once; web_url is the uploaded file the approval card links to.
 *  - meetings.upload_problem_told_at: a failed upload is told to the secretary once per meeting.
 */
export default /* sql */ `
alter table meetings add column report_imported_at timestamptz;
alter table meetings add column report_problem text;
alter table meetings add column upload_problem_told_at timestamptz;
alter table groups add column team_graph_id text;
alter table document_versions add column upload_claimed_at timestamptz;
alter table document_versions add column web_url text;
create index meetings_report_pending on meetings (ended_at) where report_imported_at is null and join_url is not null;
`;
