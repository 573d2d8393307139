/** `justerare <namn>` and `justering senast <datum> [kl. HH.MM]`. */
import type { Repositories } from '../ports';
import { conflict } from '../errors';
import { formatApprovalDeadline, stockholmLocalToIso } from '../swedish-time';
import type { Answer, CommandContext } from './command-context';
import { uniqueMember } from './attendance';
import { meetingByStatus } from './meeting-lookup';

/** The meeting these settings are for: the running one, else the one whose draft is being approved. */
async function meetingForApproval(repos: Repositories, ctx: CommandContext) {
  const meeting = await meetingByStatus(repos, ctx.group.id, ['pågår', ['utkast', 'justering'], 'planerat']);
  if (!meeting) throw conflict('Det finns inget möte att ange justering för. Lägg först till en punkt med `ny punkt` eller skriv `starta`.');
  return meeting;
}

export async function electAdjuster(repos: Repositories, ctx: CommandContext, name: string): Promise<Answer> {
  const meeting = await meetingForApproval(repos, ctx);
  const member = await uniqueMember(repos, ctx.group.id, name);
  const adjusters = meeting.adjusterMemberIds.includes(member.id) ? meeting.adjusterMemberIds : [...meeting.adjusterMemberIds, member.id];
  await repos.meetings.update(ctx.group.id, meeting.id, { adjusterMemberIds: adjusters });
  return { text: `${member.name} är vald till justerare för mötet.` };
}

/** Without a time the deadline is the end of the working day, kl. 16.00. */
export const DEFAULT_DEADLINE_TIME = '16.00';

export async function setApprovalDeadline(repos: Repositories, ctx: CommandContext, date: string, time: string | null): Promise<Answer> {
  const meeting = await meetingForApproval(repos, ctx);
  const deadline = stockholmLocalToIso(date, time ?? DEFAULT_DEADLINE_TIME);
  await repos.meetings.update(ctx.group.id, meeting.id, { approvalDeadline: deadline });
  return { text: `Plats och tid för justering: ${formatApprovalDeadline(deadline)}.` };
}
