/**
 * Calendars (Microsoft Graph or the local development file) and the steps before a meeting.
 *  - calendar_links: where a group's meetings are booked (`kalender grupp <id>` / `kalender användare
 *    <upn>`), and the access problem last told to the secretary, so each problem is told once.
 *  - meetings.calendar_event_id: the calendar event the meeting was found as; unique per group, so two
 *    server instances discovering the same event cannot make two meetings of it.
 *  - meetings.event_agenda_imported_at / agenda_posted_at / rsvp_warned_at: claimed with one
 *    conditional UPDATE each (… where x is null returning), so every step happens once however many
 *    instances run the scheduler.
 */
export default /* sql */ `
create table calendar_links (
  group_id uuid primary key references groups (id) on delete cascade,
  kind text not null check (kind in ('group', 'user')),
  calendar_id text not null,
  problem text,
  updated_at timestamptz not null default now()
);

alter table meetings add column calendar_event_id text;
alter table meetings add column event_agenda_imported_at timestamptz;
alter table meetings add column agenda_posted_at timestamptz;
alter table meetings add column rsvp_warned_at timestamptz;
create unique index meetings_calendar_event on meetings (group_id, calendar_event_id) where calendar_event_id is not null;
`;
