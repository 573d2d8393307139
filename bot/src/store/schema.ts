/** Table types for Kysely, matching migrations/. Column names are snake_case as in SQL. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** a timestamp with a database default that may also be set explicitly */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A number from `entry_seq` (bigint: the drivers give text or a bigint; see `seqNumber`); the database assigns it. */
type EntrySeq = ColumnType<string | number | bigint, never, never>;
/** `entry_seq` on agenda items, set by an update (`nextval('entry_seq')`) when the outcome or recipients are recorded. */
type NullableEntrySeq = ColumnType<string | number | bigint | null, never, string | number | bigint | null>;

export interface GroupsTable {
  id: Generated<string>;
  name: string;
  name_key: string;
  deciding_body: string;
  document_kind: Generated<string>;
  numbering_style: Generated<string>;
  numbering_start: number | null;
  numbering_start_year: number | null;
  quorum_rule: Generated<string>;
  numbered_clauses: Generated<boolean>;
  elects_adjuster: Generated<boolean>;
  tenant_id: string | null;
  team_id: string | null;
  channel_id: string | null;
  team_graph_id: string | null;
  created_at: CreatedAt;
}

export interface ConversationsTable {
  conversation_id: string;
  group_id: string | null;
  kind: string;
  reference: Json<unknown>;
  updated_at: DefaultedTimestamp;
}

export interface RosterMembersTable {
  id: Generated<string>;
  group_id: string;
  name: string;
  name_key: string;
  title: Generated<string>;
  principal: Generated<string>;
  /** the first of `roles` (kept for readers of a single role) */
  role: string;
  /** JSON array, never empty, in the order typed */
  roles: ColumnType<string[], string, string>;
  /** place in the roster: the order entries were first typed */
  position: number;
  party: string | null;
  aad_object_id: string | null;
  email: string | null;
  teams_user_id: string | null;
  created_at: CreatedAt;
}

export interface MeetingsTable {
  id: Generated<string>;
  group_id: string;
  status: Generated<string>;
  starts_at: NullableTimestamp;
  ends_at: NullableTimestamp;
  started_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  place: Generated<string>;
  place_set_by_secretary: ColumnType<boolean | null, boolean | undefined, boolean>;
  current_item_id: string | null;
  teams_meeting_id: string | null;
  join_url: string | null;
  conversation_id: string | null;
  approval_deadline: NullableTimestamp;
  adjuster_member_ids: ColumnType<string[], string | undefined, string>;
  distribution_list: ColumnType<string[], string | undefined, string>;
  pending_section: string | null;
  stand_in_member_id: string | null;
  approval_reminder_at: NullableTimestamp;
  calendar_event_id: string | null;
  event_agenda_imported_at: NullableTimestamp;
  agenda_posted_at: NullableTimestamp;
  rsvp_warned_at: NullableTimestamp;
  never_started_told_at: NullableTimestamp;
  report_imported_at: NullableTimestamp;
  report_problem: string | null;
  upload_problem_told_at: NullableTimestamp;
  /** the invitation's agenda as last read (AgendaDraftItem[]) */
  event_agenda: Json<unknown> | null;
  created_at: CreatedAt;
}

export interface AgendaItemsTable {
  id: Generated<string>;
  meeting_id: string;
  group_id: string;
  parent_id: string | null;
  position: number;
  section: string | null;
  title: string;
  type_tag: string | null;
  standard_kind: string | null;
  number: number | null;
  presenters: ColumnType<string[], string | undefined, string>;
  outcome: Generated<string>;
  recipients: ColumnType<string[], string | undefined, string>;
  carried_from_item_id: string | null;
  created_at: CreatedAt;
  outcome_at: ColumnType<Date | null, never, Date | string | null>;
  outcome_seq: NullableEntrySeq;
  recipients_at: ColumnType<Date | null, never, Date | string | null>;
  recipients_seq: NullableEntrySeq;
  from_invitation: Generated<boolean>;
  planned_minutes: ColumnType<number | null, number | null | undefined, number | null>;
  overrun_told_at: ColumnType<Date | null, never, Date | string | null>;
  /** the title as the `swedish` text-search configuration reads it; kept by the database */
  search: ColumnType<unknown, never, never>;
}

export interface ParagraphVisitsTable {
  id: Generated<string>;
  meeting_id: string;
  item_id: string;
  opened_at: Timestamp;
}

export interface NotesTable {
  id: Generated<string>;
  meeting_id: string;
  item_id: string;
  text: string;
  created_at: Timestamp;
  seq: EntrySeq;
}

export interface ParagraphStatementsTable {
  id: Generated<string>;
  meeting_id: string;
  item_id: string;
  kind: string;
  member_ids: ColumnType<string[], string, string>;
  motivation: string | null;
  created_at: Timestamp;
  seq: EntrySeq;
}

export interface ParagraphAdjustmentsTable {
  id: Generated<string>;
  meeting_id: string;
  item_id: string;
  content_digest: string;
  requested_at: Timestamp;
  adjusted_at: NullableTimestamp;
  adjusted_seq: NullableEntrySeq;
}

export interface ParagraphAdjustmentApprovalsTable {
  adjustment_id: string;
  member_id: string;
  aad_object_id: string | null;
  at: Timestamp;
}

export interface DecisionsTable {
  id: Generated<string>;
  meeting_id: string;
  item_id: string;
  clause: string;
  quorate: boolean;
  created_at: Timestamp;
  seq: EntrySeq;
  /** the clause as the `swedish` text-search configuration reads it; kept by the database */
  search: ColumnType<unknown, never, never>;
  /** the clause's words with its paragraph's and main paragraph's titles: what the register searches; kept by triggers */
  register_search: ColumnType<unknown, never, never>;
}

export interface ActionItemsTable {
  id: Generated<string>;
  group_id: string;
  meeting_id: string;
  item_id: string;
  text: string;
  owner_member_id: string | null;
  owner_name: string | null;
  due_date: ColumnType<string | null, string | null, string | null>;
  status: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: DefaultedTimestamp;
  seq: EntrySeq;
}

/** Kept by a trigger on action_items (migration 0017); read only, never written by the store. */
export interface ActionCountsTable {
  group_id: ColumnType<string, never, never>;
  owner_member_id: ColumnType<string | null, never, never>;
  ownerless: ColumnType<boolean, never, never>;
  status: ColumnType<string, never, never>;
  due_date: ColumnType<string | null, never, never>;
  n: ColumnType<number, never, never>;
}

export interface AttendanceIntervalsTable {
  id: Generated<string>;
  meeting_id: string;
  member_id: string | null;
  display_name: string;
  aad_object_id: string | null;
  joined_at: Timestamp;
  left_at: NullableTimestamp;
  source: string;
}

export interface AttendanceEventsTable {
  id: Generated<string>;
  meeting_id: string;
  member_id: string | null;
  display_name: string;
  aad_object_id: string | null;
  kind: string;
  at: Timestamp;
  source: string;
  tenant_id: string | null;
}

export interface DocumentVersionsTable {
  id: Generated<string>;
  meeting_id: string;
  version: number;
  sha256: string;
  docx: Buffer;
  final: Generated<boolean>;
  created_at: DefaultedTimestamp;
  upload_claimed_at: NullableTimestamp;
  web_url: string | null;
  content_digest: string | null;
}

export interface ApprovalsTable {
  id: Generated<string>;
  document_version_id: string;
  member_id: string;
  aad_object_id: string | null;
  decision: string;
  comment: string | null;
  at: Timestamp;
}

export interface ProcessedActivitiesTable {
  activity_key: string;
  processed_at: DefaultedTimestamp;
}

export interface BotStateTable {
  key: string;
  etag: string;
  document: Json<unknown>;
  updated_at: DefaultedTimestamp;
}

export interface ApprovalCardPostsTable {
  id: Generated<string>;
  meeting_id: string;
  conversation_id: string;
  reference: Json<unknown>;
  activity_id: string;
  created_at: CreatedAt;
}

export interface CalendarLinksTable {
  group_id: string;
  kind: string;
  calendar_id: string;
  problem: string | null;
  updated_at: DefaultedTimestamp;
  delta_link: string | null;
  delta_window_from: NullableTimestamp;
  delta_window_to: NullableTimestamp;
}

export interface AgendaCardPostsTable {
  id: Generated<string>;
  meeting_id: string;
  conversation_id: string;
  reference: Json<unknown>;
  activity_id: string;
  created_at: CreatedAt;
}

export interface OnlineMeetingsTable {
  group_id: string;
  join_url: string;
  online_meeting_id: string;
  chat_id: string | null;
  organizer_id: string | null;
  resolved_at: DefaultedTimestamp;
}

export interface OnlineMeetingProblemsTable {
  group_id: string;
  problem: string;
  told_at: DefaultedTimestamp;
}

export interface CalendarEventsTable {
  group_id: string;
  event_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** the domain's CalendarEvent */
  event: Json<unknown>;
}

export interface ProvisionalIdentitiesTable {
  group_id: string;
  member_id: string;
  aad_object_id: string;
  teams_user_id: string | null;
  display_name: string;
  seen_at: Timestamp;
}

/** One row per transaction that changed a meeting (0019-live-meeting): the live stream's change number. */
export interface MeetingChangesTable {
  meeting_id: string;
  tx: string;
  at: Generated<Date>;
}

export interface Database {
  groups: GroupsTable;
  conversations: ConversationsTable;
  roster_members: RosterMembersTable;
  meetings: MeetingsTable;
  agenda_items: AgendaItemsTable;
  paragraph_visits: ParagraphVisitsTable;
  notes: NotesTable;
  paragraph_statements: ParagraphStatementsTable;
  paragraph_adjustments: ParagraphAdjustmentsTable;
  paragraph_adjustment_approvals: ParagraphAdjustmentApprovalsTable;
  decisions: DecisionsTable;
  action_items: ActionItemsTable;
  action_counts: ActionCountsTable;
  attendance_intervals: AttendanceIntervalsTable;
  attendance_events: AttendanceEventsTable;
  document_versions: DocumentVersionsTable;
  approvals: ApprovalsTable;
  processed_activities: ProcessedActivitiesTable;
  bot_state: BotStateTable;
  approval_card_posts: ApprovalCardPostsTable;
  calendar_links: CalendarLinksTable;
  agenda_card_posts: AgendaCardPostsTable;
  calendar_events: CalendarEventsTable;
  provisional_identities: ProvisionalIdentitiesTable;
  meeting_changes: MeetingChangesTable;
  online_meetings: OnlineMeetingsTable;
  online_meeting_problems: OnlineMeetingProblemsTable;
}
