/**
 * `plats <text>`: where the meeting is held, printed in "Tid och plats". Hybrid meetings are held
 * in a room as well as in Teams, and the protokoll names the room; "via Teams" is only for a
 * meeting without one (as in the group's reference minutes, which never write "samt via Teams"; a
 * group that wants it types `plats <rum> samt via Teams`). The place belongs to the meeting being
 * recorded: the running one, else the draft being completed, else the next planned one. Once typed,
 * the calendar invitation's room no longer changes it.
 */
import type { Repositories } from '../ports';
import { stockholmDate } from '../swedish-time';
import type { Answer, CommandContext } from './command-context';
import { meetingToCorrect } from './meeting-flow';

export async function setPlace(repos: Repositories, ctx: CommandContext, place: string): Promise<Answer> {
  const { meeting, phase } = await meetingToCorrect(repos, ctx);
  await repos.meetings.update(ctx.group.id, meeting.id, { place, placeSetBySecretary: true });
  const when = meeting.startedAt ?? meeting.startsAt;
  const which = phase === 'live' ? 'för mötet' : phase === 'draft' ? 'i protokollutkastet' : when ? `för mötet ${stockholmDate(when)}` : 'för nästa möte';
  return { text: `Platsen ${which} är nu ${place}.` };
}
