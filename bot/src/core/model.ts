/**
 * The domain of a Swedish sammanträdesprotokoll, in plain TypeScript.
 *
 * Glossary (identifiers are English, user text is Swedish):
 *   protokoll = Minutes, paragraf = Paragraph (an agenda item once numbered), beslut = Decision,
 *   åtgärd = ActionItem, justerare = Adjuster, huvudman = Principal, beslutsorgan = DecidingBody,
 *   föredragande = Presenter, bordläggning = Postponement, justering = Approval.
 *
 * Times are ISO-8601 strings in UTC (`2024-02-16T07:15:00.000Z`); calendar dates are `YYYY-MM-DD`
 * in Europe/Stockholm. Formatting for people happens in `swedish-time.ts` only.
 */

export type IsoTime = string;
export type IsoDate = string;

/** Paragraph numbering style of a group. */
export type NumberingStyle =
  /** `1.` restarting at every meeting */
  | 'meeting'
  /** `1).` restarting at every meeting (as in some groups' minutes) */
  | 'meeting-paren'
  /** `§ 15`, running on across the year's meetings */
  | 'year'
  /** `§ 12/24`, running on across the year with a two-digit year suffix */
  | 'year-suffix';

/** Who counts against whom for beslutförhet. */
export type QuorumRule =
  /** more than half of the members of each huvudman present */
  | 'huvudman'
  /** the Region side against all municipalities (every other huvudman) together */
  | 'region-kommun'
  /** no quorum rule (informal groups) */
  | 'av';

export type DocumentKind = 'Sammanträdesprotokoll' | 'Minnesanteckningar';

export interface Group {
  id: string;
  name: string;
  /** the phrase written before "beslutar", e.g. "Samverkansgruppen", "LSVO" */
  decidingBody: string;
  documentKind: DocumentKind;
  numberingStyle: NumberingStyle;
  /** first paragraph number of the year for yearly numbering (default 1) */
  numberingStart: number | null;
  /** the year numberingStart applies to */
  numberingStartYear: number | null;
  quorumRule: QuorumRule;
  /** decisions written `1. Att …` instead of `att …` */
  numberedClauses: boolean;
  /** the agenda has the standard item "Val av justerare samt tid för justering" */
  electsAdjuster: boolean;
  tenantId: string | null;
  teamId: string | null;
  channelId: string | null;
}

/** The roster's roles, in the order the help text and error messages name them. */
export const ROSTER_ROLES = [
  'ordförande',
  'vice ordförande',
  'sekreterare',
  'ledamot',
  'ersättare',
  'adjungerad',
  'tjänsteperson',
  'föredragande',
] as const;

export type RosterRole = (typeof ROSTER_ROLES)[number];

/** Roles that count for quorum. Guests, officials and presenters never do. */
export const VOTING_ROLES: readonly RosterRole[] = ['ordförande', 'vice ordförande', 'ledamot', 'ersättare'];

export interface RosterMember {
  id: string;
  groupId: string;
  name: string;
  /** title and organisation as written, e.g. "verksamhetschef Karlshamns kommun" */
  title: string;
  /** the principal organisation, e.g. "Region Blekinge", "Karlskrona kommun" */
  principal: string;
  /**
   * Every role the person holds, in the order typed, never empty: a secretary who is also a member
   * is `['sekreterare', 'ledamot']`. Ask with hasRole/hasAnyRole (roster-roles.ts).
   */
  roles: RosterRole[];
  /**
   * @deprecated The first of `roles` only: a `ledamot, sekreterare` reads as a plain member here.
   * Kept so code not yet moved to `roles` still compiles; use hasRole/hasAnyRole instead.
   */
  role: RosterRole;
  /** party for political bodies, e.g. "M" (rendered "(M)") */
  party: string | null;
  aadObjectId: string | null;
  email: string | null;
  /** Teams user id (`29:…`), learnt from meeting events and messages; the approval card's refresh.userIds */
  teamsUserId: string | null;
}

/** The place of a meeting without a room (the database's default for a new meeting). */
export const PLACE_WITHOUT_ROOM = 'via Teams';

/** `inställt`: cancelled in the calendar before it started; it never runs and its items went to the next meeting. */
export type MeetingStatus = 'planerat' | 'pågår' | 'utkast' | 'justering' | 'justerat' | 'inställt';

export interface Meeting {
  id: string;
  groupId: string;
  status: MeetingStatus;
  /** scheduled start/end (null while nobody has scheduled it); "Tid och plats" comes from these */
  startsAt: IsoTime | null;
  endsAt: IsoTime | null;
  startedAt: IsoTime | null;
  endedAt: IsoTime | null;
  /**
   * "Tid och plats": set with `plats`, else the calendar invitation's room, else PLACE_WITHOUT_ROOM
   * (e.g. "Sammanträdesrum Ekbacken, Ronneby rådhus", "via Teams")
   */
  place: string;
  /** the place was typed with `plats`: the invitation's room no longer fills it */
  placeSetBySecretary: boolean;
  currentItemId: string | null;
  teamsMeetingId: string | null;
  joinUrl: string | null;
  approvalDeadline: IsoTime | null;
  /** the justerare elected for this meeting ("Val av justerare") */
  adjusterMemberIds: string[];
  /** "Protokollet ska skickas till" at the end of the whole protokoll */
  distributionList: string[];
  /** `avsnitt <rubrik>`: the section that items added next belong to */
  pendingSection: string | null;
  /** `sekreterare <namn>`: who stands in for the secretary at this meeting (may record it, nothing else) */
  standInMemberId: string | null;
}

/** `(I)`, `(D)`, `(B)` and combinations such as `(I/D/B)`, kept in this canonical order. */
export type ItemTypeTag = 'I' | 'D' | 'B' | 'I/D' | 'I/B' | 'D/B' | 'I/D/B';

export type StandardItemKind =
  | 'approve-agenda'
  | 'previous-minutes'
  | 'elect-adjuster'
  | 'other-business'
  | 'next-meeting';

export type ItemOutcome = 'open' | 'information' | 'decided' | 'postponed';

/**
 * When something was recorded under a paragraph: the activity's time, and its number in the order of
 * arrival (one sequence for notes, decisions, actions, outcomes and recipients). What is recorded
 * prints ordered by `at`, then `seq`: two entries with the same time keep the order they arrived in.
 */
export interface RecordedAt {
  at: IsoTime;
  seq: number;
}

/** An agenda item; once the agenda is numbered it is a paragraf. */
export interface AgendaItem {
  id: string;
  meetingId: string;
  /** null for a main item; the main item's id for a sub-point a), b), … */
  parentId: string | null;
  /** order among siblings, starting at 0 */
  position: number;
  /** section heading this item belongs to, e.g. "ÄRENDEN FÖR BESLUT" */
  section: string | null;
  title: string;
  typeTag: ItemTypeTag | null;
  standardKind: StandardItemKind | null;
  /** assigned number (main items only): per meeting or per year depending on the style */
  number: number | null;
  presenters: string[];
  outcome: ItemOutcome;
  /**
   * When the outcome `information` or `postponed` was last recorded (where its line prints among the
   * paragraph's entries); null when never, or when recorded before entries were numbered.
   */
  outcomeRecorded: RecordedAt | null;
  /** "Protokollet ska skickas till" for this paragraph */
  recipients: string[];
  /** when the first recipients were recorded (later ones join the same list); null as for outcomeRecorded */
  recipientsRecorded: RecordedAt | null;
  /** id of the item at an earlier meeting that this one carries over, if any */
  carriedFromItemId: string | null;
  /**
   * it came from the calendar invitation's body: a re-read of an edited invitation may change or
   * remove it (items typed with `ny punkt`, added by hand or carried over are never touched)
   */
  fromInvitation?: boolean;
  /** `tid <minuter>` or `(10 min)` in the invitation: the agenda timer's plan (never printed); absent or null when none */
  plannedMinutes?: number | null;
}

export interface Note {
  id: string;
  itemId: string;
  text: string;
  createdAt: IsoTime;
  /** its number in the order of arrival (see RecordedAt) */
  seq: number;
}

/**
 * What members state under a paragraph for the record: `conflict` (jäv: "<namn> anmäler jäv och
 * deltar inte i handläggningen.", and they take no part in the paragraph) or `reservation` ("Mot
 * beslutet reserverar sig …", with the motivation if one was given).
 */
export interface ParagraphStatement {
  id: string;
  itemId: string;
  kind: 'conflict' | 'reservation';
  /** roster ids, in the order typed */
  memberIds: string[];
  motivation: string | null;
  createdAt: IsoTime;
  /** its number in the order of arrival (see RecordedAt) */
  seq: number;
}

/**
 * `justeras omedelbart`: the chair and the justerare approve one paragraph during the meeting.
 * Adjusted (`adjustedAt` set) it is locked, printed "Paragrafen förklaras omedelbart justerad.", and
 * its actions are in force at once.
 */
export interface ParagraphAdjustment {
  id: string;
  itemId: string;
  /** the paragraph's content when asked: approvals count only for that content */
  contentDigest: string;
  requestedAt: IsoTime;
  /** when the last approver approved, with its place in the entry order; null while waiting */
  adjusted: RecordedAt | null;
  approvals: Array<{ memberId: string; at: IsoTime }>;
}

export interface Decision {
  id: string;
  itemId: string;
  /** the clause as it will be printed after "att", without the leading "att " */
  clause: string;
  /**
   * false when recorded while the meeting was not quorate: the chat warned. Kept as a fact of the
   * record, never printed (the protokoll says about quorum only what the secretary writes).
   */
  quorate: boolean;
  createdAt: IsoTime;
  /** its number in the order of arrival (see RecordedAt) */
  seq: number;
}

export type ActionStatus = 'open' | 'done';

export interface ActionItem {
  id: string;
  groupId: string;
  meetingId: string;
  itemId: string;
  text: string;
  ownerMemberId: string | null;
  ownerName: string | null;
  dueDate: IsoDate | null;
  status: ActionStatus;
  /** optimistic concurrency: every change increments it */
  version: number;
  createdAt: IsoTime;
  /** its number in the order of arrival (see RecordedAt) */
  seq: number;
}

export type AttendanceSource = 'live' | 'report' | 'manual';

/** One stretch of time a person was in the meeting. `leftAt` null means still there. */
export interface AttendanceInterval {
  id: string;
  meetingId: string;
  /** the roster entry, or null for someone not on the roster (övriga deltagare) */
  memberId: string | null;
  displayName: string;
  aadObjectId: string | null;
  joinedAt: IsoTime;
  leftAt: IsoTime | null;
  source: AttendanceSource;
}

/** A join or leave, as Teams reported it or the secretary corrected it. */
export interface AttendanceEvent {
  memberId: string | null;
  displayName: string;
  aadObjectId: string | null;
  kind: 'join' | 'leave';
  at: IsoTime;
  source: 'live' | 'manual';
  /** the tenant Teams reports for the account (guests from other organisations keep theirs) */
  tenantId?: string | null;
}

/** The moment the meeting moved to a paragraph (a paragraph may be visited more than once). */
export interface ParagraphVisit {
  itemId: string;
  openedAt: IsoTime;
}

export interface DocumentVersion {
  id: string;
  meetingId: string;
  version: number;
  /** SHA-256 (hex) of the exact .docx bytes */
  sha256: string;
  createdAt: IsoTime;
}

export type ApprovalDecision = 'approved' | 'changes-requested';

export interface Approval {
  id: string;
  documentVersionId: string;
  memberId: string;
  aadObjectId: string | null;
  decision: ApprovalDecision;
  comment: string | null;
  at: IsoTime;
}
