/**
 * `tid <minuter>`: planned minutes for the current item (before the meeting: the last own item
 * added), and the overrun check the scheduler runs: when the current item has run over its plan,
 * the chair and the secretary are told once. The times belong to the meeting, not the record: the
 * protokoll prints none of it.
 */
import type { IsoTime } from '../model';
import type { DomainEvent, Repositories } from '../ports';
import { conflict } from '../errors';
import { ranOver, timeUsedPerItem, wholeMinutes } from '../agenda-timer';
import { itemReference, mainItems, meetingYear } from './agenda-order';
import type { Answer, CommandContext } from './command-context';
import { meetingToCorrect } from './meeting-flow';

export async function setPlannedMinutes(repos: Repositories, ctx: CommandContext, minutes: number): Promise<Answer> {
  const target = await meetingToCorrect(repos, ctx);
  if (target.phase === 'draft') throw conflict('Mötet är avslutat: planerad tid gäller bara före och under mötet. Inget har ändrats.');
  const { meeting, items } = target;
  const item = items.find((i) => i.id === meeting.currentItemId) ?? mainItems(items).filter((i) => i.standardKind === null).at(-1);
  if (!item) throw conflict('Det finns ingen punkt att sätta tid på. Lägg till en med `ny punkt <titel>` först.');
  await repos.agenda.update(meeting.id, item.id, { plannedMinutes: minutes });
  const reference = itemReference(ctx.group, meetingYear(meeting, ctx.at), items, item);
  return { text: `Planerad tid för ${reference} ${item.title}: ${minutes} min. Mötespanelen räknar tiden; den skrivs inte i protokollet.` };
}

/**
 * For one running meeting: if its current item has run over its planned minutes and nobody was told
 * yet, claims the notice (once, whichever server instance gets there first) and returns the message.
 */
export async function overrunNotice(repos: Repositories, groupId: string, meetingId: string, at: IsoTime): Promise<DomainEvent | null> {
  const [group, meeting] = await Promise.all([repos.groups.findById(groupId), repos.meetings.findById(groupId, meetingId)]);
  if (!group || !meeting || meeting.status !== 'pågår') return null;
  const items = await repos.agenda.list(meeting.id);
  const item = items.find((i) => i.id === meeting.currentItemId);
  if (!item?.plannedMinutes) return null;
  const used = timeUsedPerItem(await repos.records.visits(meeting.id), at).get(item.id) ?? 0;
  if (!ranOver(used, item.plannedMinutes)) return null;
  if (!(await repos.agenda.claimOverrunNotice(meeting.id, item.id, at))) return null;
  const reference = itemReference(group, meetingYear(meeting, at), items, item);
  const text = `Tiden för ${reference} ${item.title} är slut: ${wholeMinutes(used)} min av planerade ${item.plannedMinutes} min. (Bara till ordföranden och sekreteraren; inget skrivs i protokollet.)`;
  return { type: 'item-overran', groupId, meetingId, text, joinUrl: meeting.joinUrl };
}
