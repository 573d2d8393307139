/**
 * `avsluta` and Teams' meeting-end event are one flow: the running meeting ends, its draft is
 * rendered (version 1) and goes out for justering. `avsluta` said again while the draft awaits
 * justering sends it out again as a new version: the secretary's way to restart the justering
 * (approvals belong to the previous version's exact bytes).
 */
import type { ProtokollDocuments, Repositories } from '../ports';
import { conflict } from '../errors';
import { createDraft, type ApprovalState } from './approval';
import type { Answer, CommandContext } from './command-context';
import { endMeeting } from './meeting-flow';
import { meetingByStatus } from './meeting-lookup';

export interface CloseOptions {
  /** from `avsluta`: a draft awaiting justering is sent out again; Teams' end event leaves it alone */
  reissue: boolean;
  /** told before slow work (rendering the document) starts */
  progress?: () => Promise<void>;
}

/** Null when there is nothing to close (Teams' end event after `avsluta`). */
export async function closeMeeting(repos: Repositories, ctx: CommandContext, documents: ProtokollDocuments, options: CloseOptions): Promise<Answer<ApprovalState> | null> {
  const current = await meetingByStatus(repos, ctx.group.id, ['pågår', 'justering']);
  if (!current) {
    if (!options.reissue) return null;
    await endMeeting(repos, ctx); // throws, saying that no meeting is running
    throw conflict('Inget möte pågår i den här gruppen.');
  }
  if (current.status === 'justering' && !options.reissue) return null;
  const ended = current.status === 'pågår' ? await endMeeting(repos, ctx) : null;
  await options.progress?.();
  const draft = await createDraft(repos, ctx.group, current.id, ctx.at, documents);
  const who = draft.approvers.map((a) => a.name).join(', ') || 'ordförande och justerare (inga valda ännu)';
  const intro = ended ? ended.text : `Nytt utkast: tidigare justeringar gällde version ${draft.version.version - 1} och behöver göras om.`;
  return {
    text: `${intro} Utkastet (version ${draft.version.version}) väntar på justering av ${who}.`,
    data: draft,
    events: [{ type: 'draft-versioned', groupId: ctx.group.id, meetingId: draft.record.meeting.id }],
  };
}
