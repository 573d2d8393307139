/**
 * The meeting as the side panel shows it while it is being recorded: the current paragraph with
 * what is recorded under it so far, the agenda with the current item, and the attendance with the
 * quorum advice. Whoever may read the meeting's group may read it (the tab's rule); anyone else is
 * told the meeting does not exist. `change` is the meeting's change number, read before the rest:
 * the view shows at least what that number counts, so a panel holding it has missed nothing.
 */
import type { AgendaItem, Group, IsoTime, Meeting, MeetingStatus, ParagraphVisit } from '../model';
import { timeUsedPerItem } from '../agenda-timer';
import type { Repositories } from '../ports';
import { capitalisedClause } from '../decision-clause';
import { formatTimeOfDay } from '../swedish-time';
import { itemReference, meetingYear } from './agenda-order';
import { buildAgendaView, type AgendaEntryView } from './agenda-view';
import { buildAttendanceView } from './attendance-view';
import { authorisedMeetingGroup, type Viewer } from './tab-queries';
import type { Actor } from './command-context';
import { authorize } from './authorization';
import { DomainError } from '../errors';

export type LiveEntry =
  | { kind: 'note'; text: string }
  | { kind: 'decision'; clause: string }
  | { kind: 'action'; text: string; owner: string | null; dueDate: string | null }
  | { kind: 'outcome'; text: string };

export interface LiveParagraph {
  itemId: string;
  /** `§ 15`, `punkt 3`, `§ 15 a)` as the chat answers name it */
  reference: string;
  title: string;
  presenters: string[];
  /** "Samverkansgruppen beslutar", printed above the clauses when there are any */
  decidingLine: string;
  /** in the order recorded */
  entries: LiveEntry[];
  /** when the meeting moved to it (during the meeting), `kl. 13.05` */
  openedAt: string | null;
}

export interface LiveAttendance {
  quorate: boolean;
  /** the quorum advice for the chair, as the attendance card words it (never part of the protokoll) */
  quorumLine: string;
  principals: Array<{ principal: string; members: Array<{ name: string; presentNow: boolean; counts: boolean }> }>;
  /** guests and officials not on the roster who are in the meeting */
  others: string[];
}

/**
 * The agenda timer as of `readAt`: seconds spent per item and in all, against the plan. The panel
 * keeps counting from `readAt` for `runningItemId` between events (time passes without a change).
 */
export interface LiveTimer {
  readAt: IsoTime;
  /** the item the clock runs for (the current one while the meeting runs), else null */
  runningItemId: string | null;
  items: Record<string, { plannedMinutes: number | null; usedSeconds: number }>;
  /** the sum of the items' plans */
  plannedMinutes: number;
  /** since the meeting started (until it ended) */
  usedSeconds: number;
}

export interface LiveMeetingView {
  meetingId: string;
  groupName: string;
  dateLine: string;
  status: MeetingStatus;
  current: LiveParagraph | null;
  agenda: AgendaEntryView[];
  attendance: LiveAttendance;
  timer: LiveTimer;
  /** the viewer may record from the panel (the secretary, the chair, the meeting's stand-in) */
  canRecord: boolean;
}

export interface LiveSnapshot {
  change: number;
  view: LiveMeetingView;
}

export async function liveMeetingView(repos: Repositories, viewer: Viewer, meetingId: string, at: IsoTime): Promise<LiveSnapshot> {
  const group = await authorisedMeetingGroup(repos, viewer, meetingId);
  const change = await repos.meetings.changeNumber(group.id, meetingId);
  const meeting = (await repos.meetings.findById(group.id, meetingId))!;
  const items = await repos.agenda.list(meeting.id);
  const agenda = buildAgendaView(group, meeting, items, at);
  const attendance = await buildAttendanceView(repos, group, meeting, at);
  return {
    change,
    view: {
      meetingId: meeting.id,
      groupName: group.name,
      dateLine: agenda.dateLine,
      status: meeting.status,
      current: await currentParagraph(repos, group, meeting, items, at),
      agenda: agenda.entries,
      attendance: {
        quorate: attendance.quorum.quorate,
        quorumLine: attendance.quorumLine,
        principals: attendance.principals.map((p) => ({
          principal: p.principal,
          members: p.members.map((m) => ({ name: m.name, presentNow: m.presentNow, counts: m.counts })),
        })),
        others: attendance.others.filter((o) => o.presentNow).map((o) => o.name),
      },
      timer: agendaTimer(meeting, items, await repos.records.visits(meeting.id), at),
      canRecord: await mayRecordAsViewer(repos, group, viewer),
    },
  };
}

function agendaTimer(meeting: Meeting, items: AgendaItem[], visits: ParagraphVisit[], at: IsoTime): LiveTimer {
  const until = meeting.endedAt ?? at;
  const used = timeUsedPerItem(visits, until);
  const running = meeting.status === 'pågår';
  return {
    readAt: at,
    runningItemId: running ? meeting.currentItemId : null,
    items: Object.fromEntries(items.map((i) => [i.id, { plannedMinutes: i.plannedMinutes ?? null, usedSeconds: Math.floor((used.get(i.id) ?? 0) / 1000) }])),
    plannedMinutes: items.reduce((sum, i) => sum + (i.plannedMinutes ?? 0), 0),
    usedSeconds: meeting.startedAt ? Math.max(0, Math.floor((Date.parse(until) - Date.parse(meeting.startedAt)) / 1000)) : 0,
  };
}

const OUTCOME_TEXT: Partial<Record<AgendaItem['outcome'], string>> = {
  information: 'Informationen tas till protokollet.',
  postponed: 'Denna punkt tas upp vid nästa möte.',
};

async function currentParagraph(repos: Repositories, group: Group, meeting: Meeting, items: AgendaItem[], at: IsoTime): Promise<LiveParagraph | null> {
  const item = items.find((i) => i.id === meeting.currentItemId);
  if (!item) return null;
  const [notes, decisions, actions, visits] = await Promise.all([
    repos.records.notes(meeting.id),
    repos.records.decisions(meeting.id),
    repos.actions.listForMeeting(group.id, meeting.id),
    repos.records.visits(meeting.id),
  ]);
  let clauseNumber = 0;
  const ordered: Array<{ seq: number; entry: LiveEntry }> = [
    ...notes.filter((n) => n.itemId === item.id).map((n) => ({ seq: n.seq, entry: { kind: 'note', text: n.text } as LiveEntry })),
    ...decisions.filter((d) => d.itemId === item.id).map((d) => ({ seq: d.seq, entry: { kind: 'decision', clause: d.clause } as LiveEntry })),
    ...actions.filter((a) => a.itemId === item.id).map((a) => ({ seq: a.seq, entry: { kind: 'action', text: a.text, owner: a.ownerName, dueDate: a.dueDate } as LiveEntry })),
  ];
  if (item.outcomeRecorded && OUTCOME_TEXT[item.outcome]) ordered.push({ seq: item.outcomeRecorded.seq, entry: { kind: 'outcome', text: OUTCOME_TEXT[item.outcome]! } });
  else if (OUTCOME_TEXT[item.outcome]) ordered.push({ seq: Number.MAX_SAFE_INTEGER, entry: { kind: 'outcome', text: OUTCOME_TEXT[item.outcome]! } });
  const entries = ordered.sort((a, b) => a.seq - b.seq).map(({ entry }) => {
    if (entry.kind !== 'decision') return entry;
    clauseNumber += 1;
    return { kind: 'decision', clause: group.numberedClauses ? `${clauseNumber}. ${capitalisedClause(entry.clause)}` : `att ${entry.clause}` } as LiveEntry;
  });
  const opened = visits.filter((v) => v.itemId === item.id).map((v) => v.openedAt).sort().at(-1);
  return {
    itemId: item.id,
    reference: itemReference(group, meetingYear(meeting, at), items, item),
    title: item.title,
    presenters: item.presenters,
    decidingLine: `${group.decidingBody} beslutar`,
    entries,
    openedAt: opened && meeting.status === 'pågår' ? formatTimeOfDay(opened) : null,
  };
}

/** The signed-in tab user as the sender of a command: known by the Entra object id of their sign-in. */
export const viewerActor = (viewer: Viewer, name: string): Actor => ({ aadObjectId: viewer.developmentUser ? null : viewer.aadObjectId, name });

/**
 * Whether the viewer may record in the group (the secretary, the chair, the meeting's stand-in), so
 * the panel shows its forms only to them. Without Entra ID (local development) the development user
 * may, as it may mark actions done in the tab.
 */
export async function mayRecordAsViewer(repos: Repositories, group: Group, viewer: Viewer): Promise<boolean> {
  if (viewer.developmentUser) return true;
  try {
    await authorize(repos, group, viewerActor(viewer, ''), 'record', { inGroupChannel: false });
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'forbidden') return false;
    throw error;
  }
}
