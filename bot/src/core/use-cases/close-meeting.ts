/**
 * `avsluta` and Teams' meeting-end event are one flow: the running meeting ends, its draft is
 * rendered (version 1) and goes out for justering. `avsluta` said again while the draft awaits
 * justering makes a new version only when what the document prints has changed since the current
 * version (draft-rule.ts, printsAsVersion). In practice the draft rule has already
 * made a version for every change, so `avsluta` then answers which version awaits whom and posts
 * nothing: approvals are reset by real changes only, never by ending the meeting twice (e.g. after
 * Teams' meeting-end event).
 */
import type { ProtokollDocuments, Repositories } from '../ports';
import { conflict } from '../errors';
import { createDraft, pendingApproval, type ApprovalState } from './approval';
import type { Answer, CommandContext } from './command-context';
import { endMeeting } from './meeting-flow';
import { meetingByStatus } from './meeting-lookup';
import { printsAsVersion } from './draft-rule';

export interface CloseOptions {
  /**
   * from `avsluta`: a draft awaiting justering is answered for (and versioned, if its printed content
   * changed); Teams' end event leaves it alone
   */
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
  if (current.status === 'justering') {
    const unchanged = await unchangedDraft(repos, ctx, current.id, documents);
    if (unchanged) return unchanged;
  }
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

/**
 * The draft awaiting justering, when the live record prints exactly what its current version prints:
 * nothing to send out again. Null when something printed has changed (or the version predates
 * content digests), so the caller makes a new version.
 */
async function unchangedDraft(repos: Repositories, ctx: CommandContext, meetingId: string, documents: ProtokollDocuments): Promise<Answer<ApprovalState> | null> {
  const state = await pendingApproval(repos, ctx.group, ctx.at, meetingId);
  if (!printsAsVersion(state.version, state.record, documents)) return null;
  const n = state.version.version;
  const decided = (decision: 'approved' | 'changes-requested') =>
    state.approvers.filter((a) => state.approvals.some((x) => x.memberId === a.id && x.decision === decision)).map((a) => a.name);
  const approved = decided('approved');
  const waiting = state.approvers.filter((a) => !approved.includes(a.name)).map((a) => a.name);
  const requested = decided('changes-requested');
  return {
    text: [
      `Inget i protokollet har ändrats sedan version ${n}, så ingen ny version skapas.`,
      `Version ${n} väntar på justering av ${waiting.join(', ') || 'ordförande och justerare (inga valda ännu)'}.`,
      approved.length ? `${approved.join(', ')} har redan justerat den.` : '',
      requested.length ? `${requested.join(', ')} har begärt ändring: när ändringen är gjord i utkastet blir det en ny version.` : '',
    ].filter(Boolean).join(' '),
    data: state,
  };
}
