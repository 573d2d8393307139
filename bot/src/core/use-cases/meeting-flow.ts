/** `starta`, `nästa`, `punkt <nr>`, `avsluta` and the Teams meeting start/end events. */
import type { AgendaItem } from '../model';
import type { OpenMeetingExtra, Repositories } from '../ports';
import { conflict, invalid, locked, notFound } from '../errors';
import { formatTimeOfDay, stockholmDate } from '../swedish-time';
import { findByNumber, itemReference, meetingYear, walkOrder } from './agenda-order';
import type { Answer, CommandContext } from './command-context';
import { findOpenMeeting, openMeetingFor, type OpenMeeting } from './open-meeting';
import { meetingByStatus } from './meeting-lookup';

export async function startMeeting(
  repos: Repositories,
  ctx: CommandContext,
  teams: { teamsMeetingId?: string | null; joinUrl?: string | null } = {},
): Promise<Answer<OpenMeeting>> {
  const open = await openMeetingFor(repos, ctx.group, ctx.at, teams);
  if (open.meeting.status === 'pågår') {
    return { text: `Mötet pågår redan sedan ${formatTimeOfDay(open.meeting.startedAt ?? ctx.at)}.`, data: open };
  }
  const first = walkOrder(open.items)[0];
  const meeting = await repos.meetings.update(ctx.group.id, open.meeting.id, {
    status: 'pågår',
    startedAt: ctx.at,
    startsAt: open.meeting.startsAt ?? ctx.at,
    currentItemId: first?.id ?? null,
    teamsMeetingId: open.meeting.teamsMeetingId ?? teams.teamsMeetingId ?? null,
    joinUrl: open.meeting.joinUrl ?? teams.joinUrl ?? null,
  });
  if (first) await repos.records.addVisit(meeting.id, { itemId: first.id, openedAt: ctx.at });
  const where = first ? ` Vi börjar med ${itemReference(ctx.group, meetingYear(meeting, ctx.at), open.items, first)} ${first.title}.` : '';
  return { text: `Mötet startade ${formatTimeOfDay(ctx.at)}.${where}`, data: { meeting, items: open.items } };
}

/** The running meeting; commands that record something during the meeting need one. */
export async function runningMeeting(repos: Repositories, ctx: CommandContext): Promise<OpenMeeting> {
  const open = await findOpenMeeting(repos, ctx.group);
  if (!open || open.meeting.status !== 'pågår') {
    throw conflict('Inget möte pågår i den här gruppen. Skriv `starta` när mötet börjar.');
  }
  return open;
}

export type ParagraphTarget = MeetingBeingWritten & { item: AgendaItem; reference: string };

export type MeetingBeingWritten = OpenMeeting & { phase: 'live' | 'draft' };

/**
 * The meeting whose paragraphs commands write to: the running one, else the newest draft (ended,
 * not yet justerat), so the secretary can complete and correct the minutes after the meeting. A
 * locked protokoll is never written to.
 */
export async function meetingBeingWritten(repos: Repositories, ctx: CommandContext, extra?: OpenMeetingExtra): Promise<MeetingBeingWritten> {
  const open = await findOpenMeeting(repos, ctx.group, extra);
  if (open?.meeting.status === 'pågår') return { ...open, phase: 'live' };
  const draft = await draftBeingCompleted(repos, ctx);
  if (draft) return { ...draft, phase: 'draft' };
  const locked = await meetingByStatus(repos, ctx.group.id, ['justerat']);
  if (locked && !open) {
    throw conflict(`Inget möte pågår, och protokollet från ${stockholmDate(locked.startedAt ?? locked.startsAt ?? ctx.at)} är justerat och låst: det går inte att ändra. Skriv \`starta\` när nästa möte börjar.`);
  }
  throw conflict('Inget möte pågår i den här gruppen. Skriv `starta` när mötet börjar.');
}

/** The newest draft (ended, not yet justerat), locked: edits take turns with approvals of the same draft. */
async function draftBeingCompleted(repos: Repositories, ctx: CommandContext): Promise<OpenMeeting | null> {
  const draft = await meetingByStatus(repos, ctx.group.id, [['utkast', 'justering']]);
  if (!draft) return null;
  const meeting = (await repos.meetings.lock(ctx.group.id, draft.id)) ?? draft;
  if (meeting.status !== 'utkast' && meeting.status !== 'justering') return null;
  return { meeting, items: await repos.agenda.list(meeting.id) };
}

export type MeetingToCorrect = OpenMeeting & { phase: 'live' | 'draft' | 'planned' };

/**
 * The meeting an agenda correction or the place is about: the running one, else the draft being
 * completed (after the meeting, the secretary corrects the protokoll, not the next agenda), else
 * the next planned one (created, with its standard items, when there is none).
 */
export async function meetingToCorrect(repos: Repositories, ctx: CommandContext): Promise<MeetingToCorrect> {
  const open = await findOpenMeeting(repos, ctx.group);
  if (open?.meeting.status === 'pågår') return { ...open, phase: 'live' };
  const draft = await draftBeingCompleted(repos, ctx);
  if (draft) return { ...draft, phase: 'draft' };
  return { ...(open ?? (await openMeetingFor(repos, ctx.group, ctx.at))), phase: 'planned' };
}

/** `extra`: what the command needs besides the meeting, read with it while it is running (see OpenMeetingExtra). */
export async function currentItem(repos: Repositories, ctx: CommandContext, extra?: OpenMeetingExtra): Promise<ParagraphTarget> {
  const open = await meetingBeingWritten(repos, ctx, extra);
  const item = open.items.find((i) => i.id === open.meeting.currentItemId);
  if (!item) {
    throw conflict(open.phase === 'live'
      ? 'Mötet står inte på någon punkt. Skriv `nästa` eller `punkt <nr>`.'
      : 'Välj först vilken punkt i utkastet du vill ändra: skriv `punkt <nr>`.');
  }
  return writable(repos, { ...open, item, reference: itemReference(ctx.group, meetingYear(open.meeting, ctx.at), open.items, item) });
}

/** A given paragraph of the meeting being written (card actions name the paragraph they came from). */
export async function itemOfRunningMeeting(repos: Repositories, ctx: CommandContext, itemId: string, extra?: OpenMeetingExtra): Promise<ParagraphTarget> {
  const open = await meetingBeingWritten(repos, ctx, extra);
  const item = open.items.find((i) => i.id === itemId);
  if (!item) throw notFound('Paragrafen finns inte längre på dagordningen.');
  return writable(repos, { ...open, item, reference: itemReference(ctx.group, meetingYear(open.meeting, ctx.at), open.items, item) });
}

/**
 * A paragraph that is omedelbart justerad (or a sub-point of one) is written to no more: what the
 * approvers approved is in force and must read the same in the protokoll.
 */
async function writable(repos: Repositories, target: ParagraphTarget): Promise<ParagraphTarget> {
  const adjusted = target.adjustedItemIds
    ? target.adjustedItemIds.has(target.item.id)
    : await repos.records.inAdjustedParagraph(target.meeting.id, target.item.id);
  if (adjusted) throw locked(`${target.reference} ${target.item.title} är omedelbart justerad och kan inte ändras.`);
  return target;
}

/** What the paragraph has recorded (for the limit per paragraph): read with the meeting when it is the current one. */
export async function entriesIn(repos: Repositories, target: ParagraphTarget): Promise<number> {
  const known = target.item.id === target.meeting.currentItemId ? target.currentItemEntries : undefined;
  return known ?? repos.records.countForItem(target.meeting.id, target.item.id);
}

/**
 * During the meeting a move is a visit (its time counts for presence per paragraph); in the draft
 * it only chooses which paragraph the next edits go to.
 */
async function moveTo(repos: Repositories, ctx: CommandContext, open: MeetingBeingWritten, target: AgendaItem): Promise<Answer<Moved>> {
  const meeting = await repos.meetings.update(ctx.group.id, open.meeting.id, { currentItemId: target.id });
  const reference = itemReference(ctx.group, meetingYear(open.meeting, ctx.at), open.items, target);
  const presenters = target.presenters.length ? ` Föredragande: ${target.presenters.join(', ')}.` : '';
  if (open.phase === 'draft') return { text: `Du ändrar nu ${reference} ${target.title} i protokollutkastet.${presenters}`, data: { phase: 'draft' } };
  await repos.records.addVisit(open.meeting.id, { itemId: target.id, openedAt: ctx.at });
  return { text: `Nu behandlas ${reference} ${target.title} (från ${formatTimeOfDay(ctx.at)}).${presenters}`, data: { phase: 'live', running: { meeting, items: open.items } } };
}

/**
 * Where a move went: in the draft, nothing more; during the meeting, the running meeting on its new
 * paragraph, so the answer's decision form is built without reading the meeting again.
 */
export type Moved = { phase: 'draft' } | { phase: 'live'; running: OpenMeeting };

export async function nextItem(repos: Repositories, ctx: CommandContext): Promise<Answer<Moved>> {
  const open = await meetingBeingWritten(repos, ctx);
  const order = walkOrder(open.items);
  const index = order.findIndex((i) => i.id === open.meeting.currentItemId);
  const target = order[index + 1];
  if (!target) throw invalid('Det här är sista punkten på dagordningen. Skriv `avsluta` när mötet är slut.');
  return moveTo(repos, ctx, open, target);
}

export async function goToItem(repos: Repositories, ctx: CommandContext, number: number, sub: number | null): Promise<Answer<Moved>> {
  const open = await meetingBeingWritten(repos, ctx);
  const target = findByNumber(open.items, number, sub);
  if (!target) {
    throw notFound(`Punkt ${number}${sub === null ? '' : String.fromCharCode(97 + sub)} finns inte på dagordningen. Skriv \`dagordning\` för att se numren.`);
  }
  return moveTo(repos, ctx, open, target);
}

/** Ends the running meeting; returns it so the caller can render and post the draft. */
export async function endMeeting(repos: Repositories, ctx: CommandContext): Promise<Answer<OpenMeeting>> {
  const open = await runningMeeting(repos, ctx);
  const meeting = await repos.meetings.update(ctx.group.id, open.meeting.id, {
    status: 'utkast',
    endedAt: ctx.at,
    endsAt: ctx.at,
    currentItemId: null,
  });
  return { text: `Mötet avslutades ${formatTimeOfDay(ctx.at)}. Protokollutkastet tas fram.`, data: { meeting, items: open.items } };
}
