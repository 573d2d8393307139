/**
 * `ny punkt`, `underpunkt`, `avsnitt`, `ändra punkt`, `ta bort punkt`.
 *
 * `ny punkt` and `avsnitt` act on the next (or current) meeting: once a meeting has ended, a new
 * item goes to the next planned meeting, and the answer says which. `underpunkt`, `ändra punkt` and
 * `ta bort punkt` correct the meeting being recorded: the running one, else the draft awaiting
 * justering (the answer says "i protokollutkastet"), else the next planned one (meetingToCorrect).
 */
import type { AgendaItem, ItemTypeTag, Meeting } from '../model';
import type { Repositories } from '../ports';
import { conflict, invalid, locked, notFound } from '../errors';
import { formatParagraphRef, isPerMeeting } from '../numbering';
import { stockholmDate } from '../swedish-time';
import { capitalise, findByNumber, itemReference, mainItems, meetingYear, OWN_POSITION, subPointsOf, TAIL_POSITION } from './agenda-order';
import type { Answer, CommandContext } from './command-context';
import { meetingToCorrect, type MeetingToCorrect } from './meeting-flow';
import { meetingByStatus } from './meeting-lookup';
import { openMeetingFor, type OpenMeeting } from './open-meeting';
import { renumber } from './renumber';
import { ensureRoomOnAgenda } from '../limits';

const IN_DRAFT = ' i protokollutkastet';

export async function addItem(repos: Repositories, ctx: CommandContext, title: string, typeTag: ItemTypeTag | null): Promise<Answer> {
  const { meeting, items } = await openMeetingFor(repos, ctx.group, ctx.at);
  ensureRoomOnAgenda(items.length, 1);
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
  return { text: `${capitalise(ref)} ${title}${tag} är tillagd på dagordningen${await whichMeeting(repos, ctx, meeting)}${section}.` };
}

/**
 * After the meeting, while its draft is being completed, a new item goes to the next meeting: the
 * answer says so, by date (` för mötet 2024-03-18`), or ` för nästa möte` when it has none yet.
 */
async function whichMeeting(repos: Repositories, ctx: CommandContext, meeting: Meeting): Promise<string> {
  if (meeting.status !== 'planerat') return '';
  if (!(await meetingByStatus(repos, ctx.group.id, [['utkast', 'justering']]))) return '';
  return meeting.startsAt ? ` för mötet ${stockholmDate(meeting.startsAt)}` : ' för nästa möte';
}

export async function addSubPoint(repos: Repositories, ctx: CommandContext, title: string, typeTag: ItemTypeTag | null = null): Promise<Answer> {
  const target = await meetingToCorrect(repos, ctx);
  const { meeting, items } = target;
  const parent = subPointParent(target);
  ensureRoomOnAgenda(items.length, 1);
  const siblings = subPointsOf(items, parent.id);
  const position = Math.max(-1, ...siblings.map((s) => s.position)) + 1;
  const item = await repos.agenda.insert(ctx.group.id, {
    meetingId: meeting.id, parentId: parent.id, position, section: null, title, typeTag, standardKind: null,
    number: null, presenters: [], outcome: 'open', recipients: [], carriedFromItemId: null,
  });
  const all = await repos.agenda.list(meeting.id);
  const ref = itemReference(ctx.group, meetingYear(meeting, ctx.at), all, all.find((i) => i.id === item.id)!);
  const tag = typeTag ? ` (${typeTag})` : '';
  return { text: `Underpunkten ${ref} ${title}${tag} är tillagd under ${parent.title}${target.phase === 'draft' ? IN_DRAFT : ''}.` };
}

/**
 * The current paragraph (or its parent): during the meeting the one it is on, in the draft the one
 * chosen with `punkt <nr>`. Before the meeting (and during it, on no paragraph): the last own item added.
 */
function subPointParent({ meeting, items, phase }: MeetingToCorrect): AgendaItem {
  const current = items.find((i) => i.id === meeting.currentItemId);
  const parent = current
    ? (current.parentId ? items.find((i) => i.id === current.parentId) : current)
    : phase === 'draft' ? undefined : mainItems(items).filter((i) => i.standardKind === null).at(-1);
  if (parent) return parent;
  if (phase === 'draft') throw conflict('Välj först vilken punkt i utkastet underpunkten ska ligga under: skriv `punkt <nr>`.');
  throw invalid('Det finns ingen punkt att lägga underpunkten under. Lägg först till en punkt med `ny punkt <titel>`.');
}

export async function setSection(repos: Repositories, ctx: CommandContext, heading: string): Promise<Answer> {
  const { meeting } = await openMeetingFor(repos, ctx.group, ctx.at);
  await repos.meetings.update(ctx.group.id, meeting.id, { pendingSection: heading });
  return { text: `Avsnittet ${heading} är påbörjat: punkter som läggs till nu hamnar under det.` };
}

export async function renameItem(repos: Repositories, ctx: CommandContext, number: number, title: string, typeTag: ItemTypeTag | null = null): Promise<Answer> {
  const { meeting, items, phase } = await meetingToCorrect(repos, ctx);
  const item = findByNumber(items, number, null);
  if (!item) throw notFound(noSuchItem(ctx, meeting, number, items));
  await repos.agenda.update(meeting.id, item.id, typeTag ? { title, typeTag } : { title });
  const ref = itemReference(ctx.group, meetingYear(meeting, ctx.at), items, item);
  const tag = typeTag ?? item.typeTag;
  return { text: `${capitalise(ref)} heter nu ${title}${tag ? ` (${tag})` : ''}${phase === 'draft' ? IN_DRAFT : ''} (tidigare ${item.title}).` };
}

export interface RemovalNeedsConfirmation {
  /** the meeting whose item it is: the confirmation removes nothing from another meeting's agenda */
  meetingId: string;
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
  /** set by the confirmation card: the meeting it asked about */
  expectedMeetingId: string | null = null,
): Promise<Answer<RemovalNeedsConfirmation | undefined>> {
  const { meeting, items, phase } = await meetingToCorrect(repos, ctx);
  if (expectedMeetingId && expectedMeetingId !== meeting.id) {
    throw conflict('Kortet hör till ett möte som inte pågår längre. Skriv kommandot i chatten i stället.');
  }
  const item = findByNumber(items, number, null);
  if (!item) throw notFound(noSuchItem(ctx, meeting, number, items));
  const year = meetingYear(meeting, ctx.at);
  const reference = itemReference(ctx.group, year, items, item);
  const related = [item, ...subPointsOf(items, item.id)];
  let recordedCount = 0;
  for (const i of related) recordedCount += await repos.records.countForItem(meeting.id, i.id);
  if (recordedCount > 0 && !confirmed) {
    return {
      text: `${capitalise(reference)} ${item.title}${phase === 'draft' ? IN_DRAFT : ''} har ${recordedCount} registrerade anteckningar, beslut eller åtgärder. Bekräfta om den ska tas bort ändå.`,
      data: { meetingId: meeting.id, itemId: item.id, reference, title: item.title, recordedCount },
    };
  }
  const current = related.some((i) => i.id === meeting.currentItemId);
  if (current && phase === 'live') {
    throw locked(`Mötet står på ${reference}. Gå till en annan punkt innan du tar bort den.`);
  }
  // The draft's numbers stay where they began (the next meeting's follow on from them), and the
  // paragraph chosen for edits is forgotten when it goes.
  const first = Math.min(...mainItems(items).map((i) => i.number ?? Number.POSITIVE_INFINITY));
  await repos.agenda.remove(meeting.id, item.id);
  if (phase !== 'draft') {
    await renumber(repos, ctx.group, meeting, ctx.at);
    return { text: `${capitalise(reference)} ${item.title} är borttagen. Punkterna efter har numrerats om.` };
  }
  if (current) await repos.meetings.update(ctx.group.id, meeting.id, { currentItemId: null });
  await renumber(repos, ctx.group, meeting, ctx.at, Number.isFinite(first) ? first : undefined);
  await renumberNextMeeting(repos, ctx);
  return { text: `${capitalise(reference)} ${item.title} är borttagen ur protokollutkastet. Punkterna efter har numrerats om.` };
}

/** With yearly numbering the next planned meeting's paragraphs follow on from the draft's. */
async function renumberNextMeeting(repos: Repositories, ctx: CommandContext): Promise<void> {
  if (isPerMeeting(ctx.group.numberingStyle)) return;
  const next = await repos.meetings.findOpenForUpdate(ctx.group.id);
  if (next?.status === 'planerat') await renumber(repos, ctx.group, next, ctx.at);
}

function noSuchItem(ctx: CommandContext, meeting: OpenMeeting['meeting'], number: number, items: AgendaItem[]): string {
  const year = meetingYear(meeting, ctx.at);
  const numbers = mainItems(items).map((i) => i.number ?? 0);
  const range = numbers.length
    ? `${formatParagraphRef(ctx.group.numberingStyle, Math.min(...numbers), year)}–${formatParagraphRef(ctx.group.numberingStyle, Math.max(...numbers), year)}`
    : 'inga punkter';
  return `Det finns ingen punkt ${number} på dagordningen (den har ${range}). Skriv \`dagordning\` för att se numren.`;
}
