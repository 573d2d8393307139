/**
 * Every port of the core, in one place: what the use cases need from persistence (implemented by
 * `store/` over Kysely, every method scoped by group or meeting, so one group can never read
 * another's rows), from the documents layer, from Microsoft's cloud (calendar, attendance report,
 * team membership, channel files), and the one way out to people (the notifier).
 */
import type {
  ActionItem, AgendaItem, Approval, AttendanceEvent, DocumentVersion, AttendanceInterval, Decision, Group, IsoDate, IsoTime, Meeting, Note, ParagraphVisit,
  MeetingStatus, ParagraphAdjustment, ParagraphStatement, RosterMember, RosterRole,
} from './model';
import type { CalendarEvent, CalendarRef } from './calendar';
import type { CalendarChanges, CalendarWindow, FollowedRound } from './calendar-changes';
import type { KnownOnlineMeeting, OnlineMeeting } from './online-meeting';
import type { PresenceInterval } from './attendance-intervals';
import type { AgendaDraftItem } from './standard-items';

export interface NewRosterEntry {
  name: string;
  title: string;
  principal: string;
  /** at least one, in the order typed */
  roles: RosterRole[];
  /** null clears a stored party */
  party?: string | null;
  aadObjectId?: string | null;
  /** lower-case; null or missing keeps the e-mail already stored */
  email?: string | null;
}

export type GroupSettings = Partial<
  Pick<Group, 'decidingBody' | 'documentKind' | 'numberingStyle' | 'numberingStart' | 'numberingStartYear' | 'quorumRule' | 'numberedClauses' | 'electsAdjuster'>
>;

export interface ConversationBinding {
  conversationId: string;
  kind: 'channel' | 'groupChat' | 'personal';
  /** botbuilder ConversationReference, kept opaque here */
  reference: unknown;
}

/** Where a conversation is: its id, and the team and channel when it is in one. */
export interface ConversationPlace {
  conversationId: string;
  teamId: string | null;
  channelId: string | null;
}

export interface GroupStore {
  findById(groupId: string): Promise<Group | null>;
  /** the tenant's group of that name (names are unique per tenant; null tenant: local development) */
  findByName(tenantId: string | null, name: string): Promise<Group | null>;
  /** a still empty group takes the name its secretary gives it */
  rename(groupId: string, name: string, decidingBody: string): Promise<Group>;
  /** the group a conversation belongs to: its binding, else its team channel's group, else the group whose short-link meeting has this chat */
  findForConversation(place: ConversationPlace): Promise<Group | null>;
  /** the group a meeting belongs to (the tab names a meeting by its id alone; authorise before use) */
  findByMeeting(meetingId: string): Promise<Group | null>;
  create(input: { name: string; decidingBody: string; tenantId?: string | null; teamId?: string | null; channelId?: string | null }): Promise<Group>;
  updateSettings(groupId: string, settings: GroupSettings): Promise<Group>;
  bindConversation(groupId: string | null, binding: ConversationBinding): Promise<void>;
  conversationReferences(groupId: string, kind?: ConversationBinding['kind']): Promise<ConversationBinding[]>;
  /** groups whose roster has this Entra ID user */
  listForMember(aadObjectId: string): Promise<Group[]>;
  listAll(): Promise<Group[]>;
}

export interface RosterStore {
  /** in roster order: the order the entries were first typed */
  list(groupId: string): Promise<RosterMember[]>;
  /**
   * adds new names at the end of the roster and updates existing ones in place (matched by name,
   * case-insensitively); an identity already tied (Entra object id, Teams user id) is never replaced
   */
  upsert(groupId: string, entries: NewRosterEntry[]): Promise<RosterMember[]>;
  /** records how Teams identifies the member (non-null values only; existing ones are replaced) */
  rememberIdentity(groupId: string, memberId: string, identity: { aadObjectId: string | null; teamsUserId: string | null }): Promise<void>;
  findByAadObjectId(groupId: string, aadObjectId: string): Promise<RosterMember | null>;
  /** a Teams account whose display name fits this member: kept until the secretary confirms it */
  addProvisionalMatch(groupId: string, memberId: string, match: Omit<ProvisionalMatch, 'memberId'>): Promise<void>;
  /** every member's when no member is given */
  provisionalMatches(groupId: string, memberId?: string): Promise<ProvisionalMatch[]>;
  clearProvisionalMatches(groupId: string, memberId: string): Promise<void>;
}

/** One per member and account: the store keeps each Entra object id once (lower-case). */
export interface ProvisionalMatch {
  memberId: string;
  aadObjectId: string;
  teamsUserId: string | null;
  displayName: string;
  at: IsoTime;
}

/** What a command may read with the open meeting, in the same statement: the roster, or all that beslutförhet is judged from. */
export type OpenMeetingExtra = 'roster' | 'quorum-facts';

export interface OpenMeetingRead {
  meeting: Meeting;
  /** the agenda in order */
  items: AgendaItem[];
  /** items in a paragraph that is omedelbart justerad (the item or its parent) */
  adjustedItemIds: ReadonlySet<string>;
  /** what the current paragraph has recorded (`countForItem` of it; null with no current paragraph) */
  currentItemEntries: number | null;
  /** the group's roster, with extra 'roster' */
  roster?: RosterMember[];
  /** what beslutförhet is judged from, with extra 'quorum-facts' */
  quorumFacts?: QuorumFacts;
}

export interface MeetingStore {
  findById(groupId: string, meetingId: string): Promise<Meeting | null>;
  /** the meeting, locked until the transaction ends: concurrent changes to it take turns */
  lock(groupId: string, meetingId: string): Promise<Meeting | null>;
  /** the group's planned or running meeting, locked for the rest of the transaction */
  findOpenForUpdate(groupId: string): Promise<Meeting | null>;
  /**
   * The same, locked, with its agenda in order, the ids of the items in a paragraph that is
   * omedelbart justerad (the item or its parent) and what the current paragraph has recorded
   * (`countForItem` of it; null with no current paragraph), all in one statement: what a command
   * on the meeting reads first. `extra`: what the command needs besides, read in the same statement.
   */
  findOpenWithAgendaForUpdate(groupId: string, extra?: OpenMeetingExtra): Promise<OpenMeetingRead | null>;
  /** the same without the lock, for work that only adds rows of its own (join/leave events) */
  findOpen(groupId: string): Promise<Meeting | null>;
  /** `findOpen` and the group's roster in its order, in one read: what a Teams join or leave needs */
  findOpenWithRoster(groupId: string): Promise<{ meeting: Meeting | null; roster: RosterMember[] }>;
  create(groupId: string, input: { startsAt?: IsoTime | null; endsAt?: IsoTime | null; teamsMeetingId?: string | null; joinUrl?: string | null }): Promise<Meeting>;
  update(groupId: string, meetingId: string, changes: Partial<Omit<Meeting, 'id' | 'groupId'>>): Promise<Meeting>;
  /** the most recent meeting before this one (for carry-over and "föregående protokoll") */
  previous(groupId: string, beforeMeetingId: string): Promise<Meeting | null>;
  /** highest paragraph number used by the group's other meetings in a calendar year */
  lastNumberUsedInYear(groupId: string, year: number, exceptMeetingId: string): Promise<number | null>;
  list(groupId: string): Promise<Meeting[]>;
  /** the group of the newest meeting whose classic join link names this chat (core/join-url.ts) */
  groupWithChatInJoinUrl(chatId: string): Promise<string | null>;
  /** one page of the tab's meeting list, newest first, with each meeting's main paragraph numbers */
  page(groupId: string, limit: number, after: MeetingListKey | null): Promise<MeetingListRow[]>;
  /**
   * How many committed transactions have changed the meeting (its agenda, record or attendance):
   * it only grows, and read before the meeting's state it never claims more than that state shows.
   */
  changeNumber(groupId: string, meetingId: string): Promise<number>;
  /**
   * The group's meeting whose draft awaits justering, locked until the transaction ends, when its
   * draft may no longer print what it records: this transaction changed the meeting or what it
   * prints (the database notes every such change), or its current version has nothing to compare
   * with (none, final, or stored without a content digest). Null otherwise, without a lock.
   */
  awaitingApprovalToCompare(groupId: string): Promise<Meeting | null>;
  /** every group's meetings awaiting justering with a deadline (the reminder job looks across groups) */
  awaitingApprovalWithDeadline(): Promise<Meeting[]>;
  /**
   * Claims a deadline reminder atomically (several server instances may run the job): `soon` once,
   * `overdue` once after the deadline. False when it was already claimed or the meeting moved on.
   */
  claimApprovalReminder(meetingId: string, stage: 'soon' | 'overdue', at: IsoTime): Promise<boolean>;
}

/** A new agenda item: nothing is recorded under it yet. */
export type NewAgendaItem = Omit<AgendaItem, 'id' | 'outcomeRecorded' | 'recipientsRecorded'>;

export type AgendaChanges = Partial<Omit<NewAgendaItem, 'meetingId'>> & {
  /**
   * When `outcome` or `recipients` are being recorded (`information`, `bordlägg`, `skickas till`): the
   * activity's time. The store then notes when, with the next number in the order of arrival: for
   * the outcome every time it is recorded, for the recipients the first time only.
   */
  recordedAt?: IsoTime;
};

export interface AgendaStore {
  list(meetingId: string): Promise<AgendaItem[]>;
  insert(groupId: string, item: NewAgendaItem): Promise<AgendaItem>;
  update(meetingId: string, itemId: string, changes: AgendaChanges): Promise<void>;
  /** gives each listed item of the meeting its number (null: unnumbered), all in one write */
  setNumbers(meetingId: string, numbers: ReadonlyArray<{ itemId: string; number: number | null }>): Promise<void>;
  remove(meetingId: string, itemId: string): Promise<void>;
  /** a main item and its sub-points go to another meeting of the group, at `position`, unnumbered */
  moveToMeeting(fromMeetingId: string, itemId: string, toMeetingId: string, position: number): Promise<void>;
  /** running meetings (every group's) whose current item has planned minutes and whose overrun was not yet told */
  overrunCandidates(): Promise<Array<{ groupId: string; meetingId: string; itemId: string }>>;
  /** true once per item: the chair and the secretary are told that it ran over its planned minutes */
  claimOverrunNotice(meetingId: string, itemId: string, at: IsoTime): Promise<boolean>;
  /** items of earlier meetings of the group that were postponed and not yet carried over */
  postponedNotCarried(groupId: string, beforeMeetingId: string): Promise<AgendaItem[]>;
}

export interface RecordStore {
  addVisit(meetingId: string, visit: ParagraphVisit): Promise<void>;
  visits(meetingId: string): Promise<ParagraphVisit[]>;
  addNote(meetingId: string, note: Omit<Note, 'id' | 'seq'>): Promise<Note>;
  notes(meetingId: string): Promise<Note[]>;
  /** with `decidesItem`, the paragraph's outcome becomes `decided` in the same write */
  addDecision(meetingId: string, decision: Omit<Decision, 'id' | 'seq'>, options?: { decidesItem?: boolean }): Promise<Decision>;
  decisions(meetingId: string): Promise<Decision[]>;
  /** rewrites a clause (the group changed its clause style) */
  setDecisionClause(meetingId: string, decisionId: string, clause: string): Promise<void>;
  countForItem(meetingId: string, itemId: string): Promise<number>;
  addStatement(meetingId: string, statement: Omit<ParagraphStatement, 'id' | 'seq'>): Promise<ParagraphStatement>;
  /** jäv and reservations, in recorded order */
  statements(meetingId: string): Promise<ParagraphStatement[]>;
  /** asks for the paragraph's omedelbar justering anew: earlier approvals of a waiting request are dropped */
  requestAdjustment(meetingId: string, itemId: string, contentDigest: string, at: IsoTime): Promise<void>;
  adjustments(meetingId: string): Promise<ParagraphAdjustment[]>;
  /** false when this member had already approved */
  addAdjustmentApproval(adjustmentId: string, approval: { memberId: string; aadObjectId: string | null; at: IsoTime }): Promise<boolean>;
  markAdjusted(adjustmentId: string, at: IsoTime): Promise<void>;
  /** the item's paragraph (its own, or its main paragraph's for a sub-point) is justerad omedelbart */
  inAdjustedParagraph(meetingId: string, itemId: string): Promise<boolean>;
}

/**
 * Where a row stands in the decision register's order: newest meeting first, then the protokoll's
 * own order (paragraph, sub-point, clause as recorded). The next page starts after this key.
 */
export interface DecisionRegisterKey {
  meetingAt: IsoTime;
  meetingId: string;
  mainPosition: number;
  subPosition: number;
  /** the clause's `created_at` in microseconds since 1970, as text (exact beyond 2^53) */
  recordedAtMicros: string;
  seq: number;
  /** by relevance: the row's rank as the database printed it (a `real`, exact as text); null by date */
  rank: string | null;
}

export interface DecisionSearch {
  /** the groups searched (the caller may read each); empty finds nothing */
  groupIds: readonly string[];
  /** words to find, each stemmed and also as the beginning of a word; none lists every decision */
  words: readonly string[];
  limit: number;
  after: DecisionRegisterKey | null;
  /** `date`: newest meeting first; `relevance` (with words): best match first, then by date */
  order: 'date' | 'relevance';
  /** on the first page, the matches are counted up to this many (a search over years stays quick) */
  countUpTo: number;
}

export interface DecisionRegisterRow {
  key: DecisionRegisterKey;
  decisionId: string;
  groupId: string;
  meetingId: string;
  meetingStatus: MeetingStatus;
  clause: string;
  /** 1-based place among its paragraph's clauses in recorded order (the number a numbered style prints) */
  clauseNumber: number;
  itemTitle: string;
  /** the main paragraph's number (the parent's, for a sub-point) */
  paragraphNumber: number | null;
  /** 0-based index of the sub-point under its paragraph, null for a main item */
  subPointIndex: number | null;
  /**
   * The clause and the title with every matched word between \u0002 and \u0003, as the database's
   * text search marks them (null without search words). Control characters never occur in recorded text.
   */
  clauseMarked: string | null;
  titleMarked: string | null;
}

export interface DecisionRegisterStore {
  /** one page of decision clauses in register order, and (on the first page) how many match, at most `countUpTo` */
  search(query: DecisionSearch): Promise<{ rows: DecisionRegisterRow[]; total: number | null }>;
}

export interface ActionStore {
  add(action: Omit<ActionItem, 'id' | 'version' | 'status' | 'seq'>): Promise<ActionItem>;
  listForMeeting(groupId: string, meetingId: string): Promise<ActionItem[]>;
  listForGroup(groupId: string, status: 'open' | 'done' | 'all'): Promise<ActionItem[]>;
  findById(actionId: string): Promise<ActionItem | null>;
  /** one page of the tab's list: actions with the paragraph and meeting they came from, newest first */
  page(query: ActionPageQuery): Promise<ActionWithSource[]>;
  /** how many of the group's actions (of one owner, when given) are in each status */
  totals(groupId: string, owner: ActionOwnerFilter, today: IsoDate): Promise<ActionTotals>;
  /** compare-and-set on version; null when the version was stale */
  setStatus(groupId: string, actionId: string, status: ActionItem['status'], expectedVersion: number): Promise<ActionItem | null>;
}

/** Where a page of the meetings starts: after this meeting, newest first (started, else planned, else created). */
export interface MeetingListKey {
  /** UTC with microseconds, as the store compares it */
  at: IsoTime;
  id: string;
}

export interface MeetingListRow {
  meeting: Meeting;
  key: MeetingListKey;
  /** the lowest and highest number of its main paragraphs; null before any is numbered */
  paragraphs: { first: number; last: number } | null;
}

/** The tab's status filter: `overdue` is open with a due date before today. */
export type ActionStatusFilter = 'open' | 'overdue' | 'done' | 'all';
/** a roster member's id, `none` for actions without any owner, null for everyone's */
export type ActionOwnerFilter = { memberId: string } | 'none' | null;

/** Where a page of the action list starts: after this action, in list order (newest first). */
export interface ActionListKey {
  /** `created_at` in UTC with microseconds, as the store compares it */
  createdAt: IsoTime;
  seq: number;
}

export interface ActionPageQuery {
  groupId: string;
  status: ActionStatusFilter;
  owner: ActionOwnerFilter;
  /** what `overdue` is measured against (Stockholm's date) */
  today: IsoDate;
  limit: number;
  after: ActionListKey | null;
}

export interface ActionTotals {
  open: number;
  overdue: number;
  done: number;
  all: number;
}

export interface ActionWithSource extends ActionItem {
  /** the row's place in the list, for the next page's cursor */
  key: ActionListKey;
  itemTitle: string;
  /** the main paragraph's number (the parent's, for a sub-point) */
  paragraphNumber: number | null;
  /** 0-based index of the sub-point under its paragraph, null for a main item */
  subPointIndex: number | null;
  meetingStartsAt: IsoTime | null;
  meetingStatus: MeetingStatus;
  /** its paragraph was justerad omedelbart: the action is in force before the whole protokoll is */
  paragraphAdjusted: boolean;
}

export interface AttendanceStore {
  addEvent(meetingId: string, event: AttendanceEvent): Promise<void>;
  events(meetingId: string): Promise<AttendanceEvent[]>;
  /** intervals from the Teams attendance report */
  addReportInterval(meetingId: string, interval: Omit<AttendanceInterval, 'id' | 'meetingId' | 'source'>): Promise<void>;
  reportIntervals(meetingId: string): Promise<AttendanceInterval[]>;
  /** what beslutförhet is judged from, in one read: see QuorumFacts */
  quorumFacts(groupId: string, meetingId: string): Promise<QuorumFacts>;
}

/**
 * The group's roster (in its order), the meeting's attendance events and reported intervals (as
 * `events` and `reportIntervals` give them) and who declared jäv in which paragraph.
 */
export interface QuorumFacts {
  roster: RosterMember[];
  events: AttendanceEvent[];
  reportIntervals: AttendanceInterval[];
  conflicts: Array<{ itemId: string; memberIds: string[] }>;
}

export interface StoredDocumentVersion extends DocumentVersion {
  final: boolean;
  /** the uploaded copy in the channel's files (SharePoint), once there is one */
  webUrl?: string | null;
  /** what this version prints (ProtokollDocuments.contentDigest); null for versions from before it was kept */
  contentDigest?: string | null;
}

export interface DocumentStore {
  /** the next version number is taken under the meeting's row lock by the caller */
  addVersion(
    meetingId: string,
    version: { version: number; sha256: string; docx: Buffer; final: boolean; createdAt: IsoTime; contentDigest?: string | null },
  ): Promise<StoredDocumentVersion>;
  latest(meetingId: string): Promise<StoredDocumentVersion | null>;
  /** the version with this number (`Version 2`), or null */
  version(meetingId: string, version: number): Promise<StoredDocumentVersion | null>;
  bytes(meetingId: string, versionId: string): Promise<Buffer | null>;
  approvals(documentVersionId: string): Promise<Approval[]>;
  /** one decision per member and version; a second click of the same member changes nothing */
  addApproval(approval: Omit<Approval, 'id'>): Promise<boolean>;
  /** remembers a posted approval card so it can be updated in place; a repeated post is kept once */
  addCardPost(post: ApprovalCardPost): Promise<void>;
  cardPosts(meetingId: string): Promise<ApprovalCardPost[]>;
}

/** Where a card was posted: the conversation (with its botbuilder reference) and the activity. */
export type CardPost = ApprovalCardPost;

/** Where an approval card was posted: the conversation (with its botbuilder reference) and the activity. */
export interface ApprovalCardPost {
  meetingId: string;
  conversationId: string;
  /** botbuilder ConversationReference, kept opaque here */
  reference: unknown;
  activityId: string;
}

/**
 * A group's calendar link and the once-only steps before a meeting. Every `claim…` is one
 * conditional UPDATE, so with several server instances (or a job that runs again) exactly one wins.
 */
export interface CalendarStore {
  link(groupId: string, calendar: CalendarRef): Promise<void>;
  unlink(groupId: string): Promise<boolean>;
  find(groupId: string): Promise<CalendarRef | null>;
  /** every linked group (the scheduler looks across groups) */
  listLinks(): Promise<Array<{ groupId: string; calendar: CalendarRef }>>;
  /** locks the group's link row until the transaction ends: syncs of one group take turns */
  lockLink(groupId: string): Promise<CalendarRef | null>;
  /** the calendar event a meeting was linked to, if any */
  eventOf(meetingId: string): Promise<string | null>;
  /** the group's meeting (any status) linked to a calendar event, if any */
  meetingOfEvent(groupId: string, eventId: string): Promise<string | null>;
  attachEvent(groupId: string, meetingId: string, eventId: string): Promise<void>;
  /** true once per meeting: the invitation's items go onto the agenda */
  claimEventImport(meetingId: string, at: IsoTime): Promise<boolean>;
  /** true once per meeting, and only while it is planned: the agenda card is posted to the meeting chat */
  claimAgendaPost(meetingId: string, at: IsoTime): Promise<boolean>;
  /** whether the agenda card was claimed for posting (a change after that updates the card) */
  agendaPosted(meetingId: string): Promise<boolean>;
  /** remembers where the agenda card was posted, so it is updated in place; a repeated post is kept once */
  addAgendaCardPost(post: CardPost): Promise<void>;
  agendaCardPosts(meetingId: string): Promise<CardPost[]>;
  /** the invitation's agenda as last read into the meeting (null before the first import) */
  eventAgenda(meetingId: string): Promise<AgendaDraftItem[] | null>;
  setEventAgenda(meetingId: string, agenda: AgendaDraftItem[]): Promise<void>;
  /** gives a claimed post back when it could not be delivered, so the next run tries again */
  releaseAgendaPost(meetingId: string, at: IsoTime): Promise<void>;
  /** true once per meeting: the secretary is warned about RSVPs that put the quorum at risk */
  claimRsvpWarning(meetingId: string, at: IsoTime): Promise<boolean>;
  /** true once per meeting, while it is planned: the secretary is told that its time passed without it being started */
  claimNeverStartedNotice(meetingId: string, at: IsoTime): Promise<boolean>;
  /** true when `problem` differs from the one last told for this group (each problem is told once) */
  claimProblem(groupId: string, problem: string): Promise<boolean>;
  clearProblem(groupId: string): Promise<void>;
  /** how the group's calendar is followed: the last round (null before the first) and the events it told of */
  followed(groupId: string): Promise<{ round: FollowedRound | null; events: CalendarEvent[] }>;
  /**
   * Stores a round's result, only while the link is still `startedFrom` (the link the round began
   * with, null for none): of two instances that asked with the same link, the first to commit
   * keeps its result and the other's is dropped, so a change is never applied twice or lost.
   */
  recordFollowed(groupId: string, startedFrom: string | null, round: FollowedRound, fresh: boolean, upserts: CalendarEvent[], removed: string[]): Promise<boolean>;
}

/**
 * What happens after the meeting through Microsoft Graph: the attendance report import and the
 * upload of each document version to the channel's files. Every `claim…` is one conditional UPDATE.
 */
export interface ArtifactStore {
  /** ended meetings with a join link whose report is not in yet, ended at or after `since` */
  awaitingReport(since: IsoTime): Promise<Array<{ groupId: string; meetingId: string }>>;
  claimReportImport(meetingId: string, at: IsoTime): Promise<boolean>;
  /** gives the claim back (no report yet, or Graph failed), so a later run tries again */
  releaseReportImport(meetingId: string, at: IsoTime): Promise<void>;
  /** true when `problem` differs from the one last told for this meeting's report */
  claimReportProblem(meetingId: string, problem: string): Promise<boolean>;
  /** the team's Microsoft 365 group id (Graph's team id), learnt from Teams activities */
  rememberTeamGraphId(groupId: string, teamGraphId: string): Promise<void>;
  teamGraphId(groupId: string): Promise<string | null>;
  /** true once per document version: it is uploaded to the channel's files */
  claimUpload(documentVersionId: string, at: IsoTime): Promise<boolean>;
  setWebUrl(documentVersionId: string, webUrl: string): Promise<void>;
  /** true once per meeting: the secretary is told that an upload failed */
  claimUploadProblem(meetingId: string, at: IsoTime): Promise<boolean>;
}

/** Everything a use case may touch, bound to one database transaction. */
export interface Repositories {
  groups: GroupStore;
  roster: RosterStore;
  meetings: MeetingStore;
  agenda: AgendaStore;
  records: RecordStore;
  actions: ActionStore;
  decisionRegister: DecisionRegisterStore;
  attendance: AttendanceStore;
  documents: DocumentStore;
  calendar: CalendarStore;
  artifacts: ArtifactStore;
  onlineMeetings: OnlineMeetingStore;
}

export type TransactionOutcome<T> = { duplicate: true } | { duplicate: false; value: T };

/** The facts of a turn its context is read by: the activity's id and where and from whom it came. */
export interface TurnFacts extends ConversationPlace {
  /** null: nothing to claim (an activity without an id) */
  idempotencyKey: string | null;
  senderAadObjectId: string | null;
  /** the work changes the group's open meeting: its lock is taken before anything is read */
  lockOpenMeeting?: boolean;
}

/** What a turn reads before its work: the conversation's group and the sender's roster entry in it. */
export interface TurnContext {
  group: Group | null;
  /** the roster entry tied to the sender's Entra object id (null: none, or no group) */
  sender: RosterMember | null;
}

export interface UnitOfWork {
  /**
   * A turn in one transaction: its activity id is claimed and its context read in one statement,
   * then `work` runs; an activity id claimed before skips the work (a retried activity).
   */
  runTurn<T>(facts: TurnFacts, work: (repos: Repositories, context: TurnContext) => Promise<T>): Promise<TransactionOutcome<T>>;
  /**
   * Runs `work` in one transaction. With an `idempotencyKey` the key is recorded in the same
   * transaction, and a key seen before skips the work: a retried activity is recorded once.
   */
  run<T>(work: (repos: Repositories) => Promise<T>, idempotencyKey?: string): Promise<TransactionOutcome<T>>;
  /** `run` without an idempotency key: reads and changes that need no retry protection */
  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** Everything recorded about one meeting, read in one go: the input of the protokoll document. */
export interface MeetingRecord {
  group: Group;
  meeting: Meeting;
  roster: RosterMember[];
  items: AgendaItem[];
  visits: ParagraphVisit[];
  notes: Note[];
  decisions: Decision[];
  statements: ParagraphStatement[];
  adjustments: ParagraphAdjustment[];
  actions: ActionItem[];
  intervals: PresenceInterval[];
  /** members marked `frånvarande` who were never there: away with notice (Förhinder) */
  reportedAbsent: string[];
}

export interface ApprovalStamp {
  memberId: string;
  at: IsoTime;
}

export interface RenderInfo {
  status: 'utkast' | 'justering' | 'justerat';
  version: number;
  renderedAt: IsoTime;
  /** the locked final: who approved when, and the approved draft's version and hash */
  approvals?: ApprovalStamp[];
  approvedVersion?: { version: number; sha256: string };
}

/** The protokoll as a document; the documents layer implements it. */
export interface ProtokollDocuments {
  /** the .docx bytes of a record: the same record and info always give the same bytes */
  render(record: MeetingRecord, info: RenderInfo): Promise<Buffer>;
  /**
   * A digest of everything the document prints, apart from its version, status and time of
   * rendering: two records with the same digest print the same protokoll. The draft rule compares
   * it after every write.
   */
  contentDigest(record: MeetingRecord): string;
}

/** Where calendar events come from (Microsoft Graph, or a local file); throws CalendarUnavailable. */
export interface CalendarSource {
  /** events overlapping [from, to), every page, in start order */
  events(calendar: CalendarRef, from: IsoTime, to: IsoTime): Promise<CalendarEvent[]>;
  /** one event by id, wherever it now is; null when it no longer exists (deleted from the calendar) */
  event(calendar: CalendarRef, eventId: string): Promise<CalendarEvent | null>;
  /**
   * The calendar's changes since `since` (a round's delta link), or a new round over `window` when
   * `since` is null or no longer valid. Null when this calendar cannot be followed by its changes
   * (then `events` reads it whole); a source without it is always read whole.
   */
  changes?(calendar: CalendarRef, since: string | null, window: CalendarWindow): Promise<CalendarChanges | null>;
}

/** The online meeting behind a join link (Microsoft Graph); throws OnlineMeetingUnavailable, `not-found` when there is none. */
export interface OnlineMeetingSource {
  /** `organizer`: the organizer's user principal name or Entra object id */
  byJoinUrl(organizer: string, joinUrl: string): Promise<OnlineMeeting>;
}

/** What was learned about a group's online meetings, and the lookup problem the secretary was last told of. */
export interface OnlineMeetingStore {
  find(groupId: string, joinUrl: string): Promise<KnownOnlineMeeting | null>;
  remember(groupId: string, meeting: KnownOnlineMeeting): Promise<void>;
  /** true the first time this problem is seen since the last one (or since a lookup went through) */
  claimProblem(groupId: string, problem: string): Promise<boolean>;
  clearProblem(groupId: string): Promise<void>;
}

/** One person in Teams' attendance report (Graph's attendanceRecord), in the domain's words. */
export interface ReportRecord {
  displayName: string;
  email: string | null;
  /** the Entra ID object id, when Teams knows the person (guests from other tenants may lack it) */
  aadObjectId: string | null;
  intervals: Array<{ joinedAt: IsoTime; leftAt: IsoTime | null }>;
}

export type ReportLookup = { kind: 'records'; records: ReportRecord[] } | { kind: 'not-yet' };

/** Where the attendance report comes from (Microsoft Graph); throws ReportUnavailable. */
export interface AttendanceReportSource {
  fetch(meeting: { joinUrl: string; organizer: string; startedAt: IsoTime; endedAt: IsoTime }): Promise<ReportLookup>;
}

/** The calendar side of `kalender` and `dagordning` (outside the command's transaction: it reads Graph). */
export interface CalendarCommands {
  /** what the calendar holds next, or why it cannot be read (Swedish) */
  probe(calendar: CalendarRef, at: IsoTime): Promise<string>;
  /** brings the group's next meeting and its invitation's agenda in; a Swedish warning when that failed */
  prepare(groupId: string, at: IsoTime): Promise<string | null>;
}

/** "Is this person a member of the group's team?", asked of Teams. */
export interface TeamMembership {
  /** the ids of `groups` whose team has this user (checked once per distinct team) */
  groupsViaTeam(groups: Group[], aadObjectId: string): Promise<Set<string>>;
}

/** Saves each document version in the channel's files (absent without Microsoft Graph). */
export interface DocumentFiles {
  /**
   * Uploads the meeting's newest version if nobody has yet. `uploaded`: the card's link changed;
   * `problem`: a Swedish explanation for the secretaries, once per meeting.
   */
  uploadLatest(groupId: string, meetingId: string): Promise<{ uploaded: boolean; problem: string | null }>;
}

/**
 * What happened that people must see, as use cases report it. The notifier turns each into Teams
 * posts and card updates after the transaction committed.
 */
export type DomainEvent =
  /** a new draft version awaits justering: its approval card is posted, or updated where it was */
  | { type: 'draft-versioned'; groupId: string; meetingId: string }
  /** an approval, a change request or the lock: the approval card is updated where it was posted */
  | { type: 'approval-changed'; groupId: string; meetingId: string }
  /** for the secretaries to know or act on: under the meeting's approval card, else in the group's channel, @mentioning them */
  | { type: 'secretaries-told'; groupId: string; meetingId: string | null; text: string }
  /** a justering reminder under the approval card (else in the channel), @mentioning those who have not decided */
  | { type: 'approvers-reminded'; groupId: string; meetingId: string; text: string; waiting: RosterMember[] }
  /** the agenda card before the meeting, in the meeting's chat (found from its join link), else in the group's channel */
  | { type: 'agenda-due'; groupId: string; meetingId: string; text: string; joinUrl: string | null; at: IsoTime }
  /**
   * the meeting was moved, cancelled, given another room or its invitation edited after the agenda card was posted: the
   * card is updated where it was posted (never posted again), with `text` as the message and
   * `notice` on the card saying what changed
   */
  | { type: 'agenda-updated'; groupId: string; meetingId: string; text: string; notice: string; at: IsoTime }
  /** the current item ran over its planned minutes: one message to the chair and the secretary, in the meeting's chat (else the channel) */
  | { type: 'item-overran'; groupId: string; meetingId: string; text: string; joinUrl: string | null };

/**
 * Word that a meeting changed, from whichever server instance wrote it (the database's own
 * notification, sent when the writing transaction commits). Says only which meeting: whoever
 * listens reads what changed, with its own permissions.
 */
export interface MeetingChangeFeed {
  /** `onChange` runs after each commit that changed the meeting, and after the feed lost and regained its connection (changes may have been missed) */
  subscribe(meetingId: string, onChange: () => void): () => void;
}

/** The one way out: implemented once, in the Teams adapter. */
export interface Notifier {
  /** delivers an event whose transaction has committed; false when it reached nobody (never throws) */
  deliver(event: DomainEvent): Promise<boolean>;
}
