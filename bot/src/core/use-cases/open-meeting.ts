/**
 * The group's "next (or current) meeting": the planned or running one, or a new planned meeting
 * with the standard items and everything carried over from earlier meetings.
 */
import type { Group, IsoTime } from '../model';
import type { OpenMeetingExtra, OpenMeetingRead, Repositories } from '../ports';
import { carryOver } from '../carry-over';
import { headKinds, STANDARD_TITLES, TAIL_KINDS } from '../standard-items';
import { stockholmDate } from '../swedish-time';
import { HEAD_POSITION, OWN_POSITION, TAIL_POSITION } from './agenda-order';
import { renumber } from './renumber';

/** Open actions due within this many days are put on the next agenda for follow-up. */
export const FOLLOW_UP_WITHIN_DAYS = 14;

/**
 * The meeting with its agenda. What a command's read brings besides (OpenMeetingRead: the adjusted
 * paragraphs, the current paragraph's entries, the roster, beslutförhet's facts) is there when it
 * was read with the agenda; a meeting found another way lacks it, and each is then read when needed.
 */
export type OpenMeeting = Pick<OpenMeetingRead, 'meeting' | 'items'> & Partial<Omit<OpenMeetingRead, 'meeting' | 'items'>>;

/** The planned or running meeting, locked, with its agenda (and `extra`, what the command needs besides): one read. */
export async function findOpenMeeting(repos: Repositories, group: Group, extra?: OpenMeetingExtra): Promise<OpenMeeting | null> {
  return repos.meetings.findOpenWithAgendaForUpdate(group.id, extra);
}

export async function openMeetingFor(
  repos: Repositories,
  group: Group,
  at: IsoTime,
  schedule: { startsAt?: IsoTime | null; endsAt?: IsoTime | null; teamsMeetingId?: string | null; joinUrl?: string | null } = {},
): Promise<OpenMeeting> {
  const existing = await findOpenMeeting(repos, group);
  if (existing) return existing;

  const meeting = await repos.meetings.create(group.id, schedule);
  const blank = { meetingId: meeting.id, parentId: null, section: null, typeTag: null, number: null, presenters: [], outcome: 'open' as const, recipients: [], carriedFromItemId: null };
  let position = HEAD_POSITION;
  for (const kind of headKinds(group)) {
    await repos.agenda.insert(group.id, { ...blank, position: position++, title: STANDARD_TITLES[kind], standardKind: kind });
  }

  const carried = carryOver({
    postponedItems: await repos.agenda.postponedNotCarried(group.id, meeting.id),
    openActions: await repos.actions.listForGroup(group.id, 'open'),
    today: stockholmDate(at),
    followUpWithinDays: FOLLOW_UP_WITHIN_DAYS,
  });
  position = OWN_POSITION;
  for (const draft of carried) {
    const item = await repos.agenda.insert(group.id, {
      ...blank, position: position++, title: draft.title, typeTag: draft.typeTag, standardKind: null,
      carriedFromItemId: draft.carriedFromItemId,
    });
    let subPosition = 0;
    for (const title of draft.subPoints) {
      await repos.agenda.insert(group.id, { ...blank, parentId: item.id, position: subPosition++, title, standardKind: null });
    }
  }

  position = TAIL_POSITION;
  for (const kind of TAIL_KINDS) {
    await repos.agenda.insert(group.id, { ...blank, position: position++, title: STANDARD_TITLES[kind], standardKind: kind });
  }
  const items = await renumber(repos, group, meeting, at);
  return { meeting, items };
}
