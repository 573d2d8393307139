/**
 * `ny punkt`, `underpunkt`, `avsnitt`, `ändra punkt`, `ta bort punkt`. They act on the next (or
 * current) meeting: once a meeting has ended, a change goes to a new planned meeting.
 */
import type { AgendaItem, ItemTypeTag } from '../model';
import type { Repositories } from '../ports';
import { invalid, locked, notFound } from '../errors';
import { formatParagraphRef } from '../numbering';
import { capitalise, findByNumber, itemReference, mainItems, meetingYear, OWN_POSITION, subPointsOf, TAIL_POSITION } from './agenda-order';
import type { Answer, CommandContext } from './command-context';
import { openMeetingFor, type OpenMeeting } from './open-meeting';
import { renumber } from './renumber';

export async function addItem(repos: Repositories, ctx: CommandContext, title: string, typeTag: ItemTypeTag | null): Promise<Answer> {
  const { meeting, items } = await openMeetingFor(repos, ctx.group, ctx.at);
  const own = mainItems(items).filter((i) => i.position >= OWN_POSITION && i.position < TAIL_POSITION);
  const position = Math.max(OWN_POSITION - 1, ...own.map((i) => i.position)) + 1;
  const item = await repos.agenda.insert(ctx.group.id, {
    meetingId: meeting.id, parentId: null, position, section: meeting.pendingSection, title, typeTag, standardKind: null,
    number: null, presenters: [], outcome: 'open', recipients: [], carriedFromItemId: null,
  });
  const renumbered = await renumber(repos, ctx.group, meeting, ctx.at);
  const added = renumbered.find((i) => i.id === item.id)!;
  const ref = itemReference(ctx.group, meetingYear(meeting, ctx.at), renumbered, added);
  const tag = typeTag ? ` (${typeTag})` : '';
  const section = meeting.pendingSection ? ` under avsnittet ${meeting.pendingSection}` : '';
  return { text: `${capitalise(ref)} ${title}${tag} är tillagd på dagordningen${section}.` };
}

export async function addSubPoint(repos: Repositories, ctx: CommandContext, title: string): Promise<Answer> {
  const { meeting, items } = await openMeetingFor(repos, ctx.group, ctx.at);
  const parent = subPointParent(items, meeting.currentItemId);
  if (!parent) throw invalid('Det finns ingen punkt att lägga underpunkten under. Lägg först till en punkt med `ny punkt <titel>`.');
  const siblings = subPointsOf(items, parent.id);
  const position = Math.max(-1, ...siblings.map((s) => s.position)) + 1;
  const item = await repos.agenda.insert(ctx.group.id, {
    meetingId: meeting.id, parentId: parent.id, position, section: null, title, typeTag: null, standardKind: null,
    number: null, presenters: [], outcome: 'open', recipients: [], carriedFromItemId: null,
  });
  const all = await repos.agenda.list(meeting.id);
  const ref = itemReference(ctx.group, meetingYear(meeting, ctx.at), all, all.find((i) => i.id === item.id)!);
  return { text: `Underpunkten ${ref} ${title} är tillagd under ${parent.title}.` };
}

/** During the meeting: the current paragraph (or its parent); before it: the last own item added. */
function subPointParent(items: AgendaItem[], currentItemId: string | null): AgendaItem | undefined {
  const current = items.find((i) => i.id === currentItemId);
  if (current) return current.parentId ? items.find((i) => i.id === current.parentId) : current;
  const own = mainItems(items).filter((i) => i.standardKind === null);
  return own[own.length - 1];
}

export async function setSection(repos: Repositories, ctx: CommandContext, heading: string): Promise<Answer> {
  const { meeting } = await openMeetingFor(repos, ctx.group, ctx.at);
  await repos.meetings.update(ctx.group.id, meeting.id, { pendingSection: heading });
  return { text: `Avsnittet ${heading} är påbörjat: punkter som läggs till nu hamnar under det.` };
}

export async function renameItem(repos: Repositories, ctx: CommandContext, number: number, title: string, typeTag: ItemTypeTag | null = null): Promise<Answer> {
  const { meeting, items } = await openMeetingFor(repos, ctx.group, ctx.at);
  const item = findByNumber(items, number, null);
  if (!item) throw notFound(noSuchItem(ctx, meeting, number, items));
  await repos.agenda.update(meeting.id, item.id, typeTag ? { title, typeTag } : { title });
  const ref = itemReference(ctx.group, meetingYear(meeting, ctx.at), items, item);
  const tag = typeTag ?? item.typeTag;
  return { text: `${capitalise(ref)} heter nu ${title}${tag ? ` (${tag})` : ''} (tidigare ${item.title}).` };
}

export interface RemovalNeedsConfirmation {
  itemId: string;
  reference: string;
  title: string;
  recordedCount: number;
}

export async function removeItem(
  repos: Repositories,
  ctx: CommandContext,
  number: number,
  confirmed: boolean,
): Promise<Answer<RemovalNeedsConfirmation | undefined>> {
  const { meeting, items } = await openMeetingFor(repos, ctx.group, ctx.at);
  const item = findByNumber(items, number, null);
  if (!item) throw notFound(noSuchItem(ctx, meeting, number, items));
  const year = meetingYear(meeting, ctx.at);
  const reference = itemReference(ctx.group, year, items, item);
  const related = [item, ...subPointsOf(items, item.id)];
  let recordedCount = 0;
  for (const i of related) recordedCount += await repos.records.countForItem(meeting.id, i.id);
  if (recordedCount > 0 && !confirmed) {
    return {
      text: `${capitalise(reference)} ${item.title} har ${recordedCount} registrerade anteckningar, beslut eller åtgärder. Bekräfta om den ska tas bort ändå.`,
      data: { itemId: item.id, reference, title: item.title, recordedCount },
    };
  }
  if (related.some((i) => i.id === meeting.currentItemId)) {
    throw locked(`Mötet står på ${reference}. Gå till en annan punkt innan du tar bort den.`);
  }
  await repos.agenda.remove(meeting.id, item.id);
  await renumber(repos, ctx.group, meeting, ctx.at);
  return { text: `${capitalise(reference)} ${item.title} är borttagen. Punkterna efter har numrerats om.` };
}

function noSuchItem(ctx: CommandContext, meeting: OpenMeeting['meeting'], number: number, items: AgendaItem[]): string {
  const year = meetingYear(meeting, ctx.at);
  const numbers = mainItems(items).map((i) => i.number ?? 0);
  const range = numbers.length
    ? `${formatParagraphRef(ctx.group.numberingStyle, Math.min(...numbers), year)}–${formatParagraphRef(ctx.group.numberingStyle, Math.max(...numbers), year)}`
    : 'inga punkter';
  return `Det finns ingen punkt ${number} på dagordningen (den har ${range}). Skriv \`dagordning\` för att se numren.`;
}
