/** `åtgärd <text> [ansvarig <namn>] [senast <datum>]`: an action item from the current paragraph. */
import type { IsoDate, RosterMember } from '../model';
import type { Repositories } from '../ports';
import { findMembersByName } from '../roster-match';
import type { Answer, CommandContext } from './command-context';
import { currentItem, entriesIn, itemOfRunningMeeting } from './meeting-flow';
import { ensureRoomInParagraph } from '../limits';

export interface ActionInput {
  text: string;
  owner: string | null;
  dueDate: IsoDate | null;
  /** set when the owner was already chosen on a card */
  ownerMemberId?: string | null;
  /** the paragraph a card action came from (default: the current paragraph) */
  itemId?: string;
}

export type ActionOutcome =
  | { kind: 'recorded'; actionId: string; reference: string }
  | { kind: 'ambiguous-owner'; candidates: RosterMember[]; input: ActionInput; meetingId: string; itemId: string };

export async function addAction(repos: Repositories, ctx: CommandContext, input: ActionInput): Promise<Answer<ActionOutcome>> {
  const target = input.itemId ? await itemOfRunningMeeting(repos, ctx, input.itemId, 'roster') : await currentItem(repos, ctx, 'roster');
  const { meeting, item, reference } = target;
  const roster = target.roster ?? await repos.roster.list(ctx.group.id);

  let owner: RosterMember | null = null;
  if (input.ownerMemberId) {
    owner = roster.find((m) => m.id === input.ownerMemberId) ?? null;
  } else if (input.owner) {
    const candidates = findMembersByName(roster, input.owner);
    if (candidates.length > 1) {
      return {
        text: `Flera personer i ledamotslistan matchar "${input.owner}". Välj vem som är ansvarig – inget är sparat ännu.`,
        data: { kind: 'ambiguous-owner', candidates, input, meetingId: meeting.id, itemId: item.id },
      };
    }
    owner = candidates[0] ?? null;
  }

  const ownerName = owner?.name ?? input.owner ?? null;
  ensureRoomInParagraph(await entriesIn(repos, target));
  const action = await repos.actions.add({
    groupId: ctx.group.id, meetingId: meeting.id, itemId: item.id, text: input.text,
    ownerMemberId: owner?.id ?? null, ownerName, dueDate: input.dueDate, createdAt: ctx.at,
  });
  const who = ownerName ? `, ansvarig ${ownerName}` : ', ingen ansvarig angiven';
  const when = input.dueDate ? `, senast ${input.dueDate}` : '';
  const unknownOwner = input.owner && !owner ? ` (${input.owner} finns inte i ledamotslistan och sparas som fritext)` : '';
  return {
    text: `Åtgärd under ${reference} ${item.title}: ${input.text}${who}${when}.${unknownOwner}`,
    data: { kind: 'recorded', actionId: action.id, reference },
  };
}
