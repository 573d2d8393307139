/** What the decision and action forms show: the paragraphs to pick from, the current one, quorum now. */
import type { Repositories } from '../ports';
import { formatQuorumLine } from '../quorum';
import { itemReference, meetingYear, walkOrder } from './agenda-order';
import type { CommandContext } from './command-context';
import { runningMeeting } from './meeting-flow';
import type { OpenMeeting } from './open-meeting';
import { quorumAndRosterAt } from './quorum-now';
import { countsForQuorum } from '../roster-roles';
import { printedMemberName } from '../statements.sv';

export interface ParagraphFormsView {
  meetingId: string;
  paragraphs: Array<{ itemId: string; label: string; title: string }>;
  currentItemId: string | null;
  decidingBody: string;
  quorate: boolean;
  quorumLine: string;
  roster: Array<{ memberId: string; name: string; description: string }>;
  /** the members who may declare jäv or reserve themselves (voting members), as printed */
  members: Array<{ memberId: string; name: string }>;
}

/** `running`: the running meeting as the caller has just read or changed it (else it is read here). */
export async function paragraphFormsView(repos: Repositories, ctx: CommandContext, running?: OpenMeeting): Promise<ParagraphFormsView> {
  const { meeting, items } = running ?? (await runningMeeting(repos, ctx));
  const year = meetingYear(meeting, ctx.at);
  const { quorum, roster } = await quorumAndRosterAt(repos, ctx.group, meeting, ctx.at, items.find((i) => i.id === meeting.currentItemId));
  return {
    meetingId: meeting.id,
    paragraphs: walkOrder(items).map((item) => ({ itemId: item.id, label: itemReference(ctx.group, year, items, item), title: item.title })),
    currentItemId: meeting.currentItemId,
    decidingBody: ctx.group.decidingBody,
    quorate: quorum.quorate,
    quorumLine: formatQuorumLine(quorum),
    roster: roster.map((m) => ({ memberId: m.id, name: m.name, description: [m.title, m.principal].filter(Boolean).join(', ') })),
    members: roster.filter(countsForQuorum).map((m) => ({ memberId: m.id, name: printedMemberName(m) })),
  };
}
