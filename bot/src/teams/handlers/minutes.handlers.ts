/** `föredragande`, `anteckning`, `beslut`, `information`, `åtgärd`, `bordlägg`, `skickas till`, `sändlista`. */
import {
  addDecision, addNote, postponeItem, recordInformation, setDistributionList, setPresenters, setRecipients,
} from '../../core/use-cases/record-minutes';
import { addAction } from '../../core/use-cases/record-action';
import { buildActionProposalCard } from '../../cards/action-proposal.card';
import { buildOwnerChoiceCard } from '../../cards/owner-choice.card';
import type { CommandHandler } from './handler';
import { recordMinutes, recordMinutesReply } from './draft-edit';

export const presenters: CommandHandler<'presenters'> = async (command, env) =>
  recordMinutesReply(env, (repos, ctx) => setPresenters(repos, ctx, command.names));

export const note: CommandHandler<'note'> = async (command, env) => recordMinutesReply(env, (repos, ctx) => addNote(repos, ctx, command.text));

export const decision: CommandHandler<'decision'> = async (command, env) => {
  const { answer, approvalCard } = await recordMinutes(env, (repos, ctx) => addDecision(repos, ctx, command.clause));
  const recorded = answer.data!;
  const proposal = recorded.proposal;
  return {
    text: answer.text,
    warning: answer.warning,
    approvalCard,
    card: proposal
      ? buildActionProposalCard({
          meetingId: recorded.meetingId,
          itemId: recorded.itemId,
          reference: recorded.reference,
          ownerMemberId: proposal.ownerMemberId,
          ownerName: proposal.ownerName,
          text: proposal.text,
        })
      : undefined,
  };
};

export const information: CommandHandler<'information'> = async (_command, env) =>
  recordMinutesReply(env, (repos, ctx) => recordInformation(repos, ctx));

export const action: CommandHandler<'action'> = async (command, env) => {
  const { answer, approvalCard } = await recordMinutes(env, (repos, ctx) =>
    addAction(repos, ctx, { text: command.text, owner: command.owner, dueDate: command.dueDate }),
  );
  const outcome = answer.data!;
  if (outcome.kind === 'recorded') return { text: answer.text, approvalCard };
  return {
    text: answer.text,
    card: buildOwnerChoiceCard({
      query: command.owner ?? '',
      meetingId: outcome.meetingId,
      itemId: outcome.itemId,
      text: command.text,
      dueDate: command.dueDate,
      candidates: outcome.candidates.map((m) => ({ memberId: m.id, name: m.name, description: [m.title, m.principal].filter(Boolean).join(', ') })),
    }),
  };
};

export const postpone: CommandHandler<'postpone'> = async (_command, env) => recordMinutesReply(env, (repos, ctx) => postponeItem(repos, ctx));

export const recipients: CommandHandler<'recipients'> = async (command, env) =>
  recordMinutesReply(env, (repos, ctx) => setRecipients(repos, ctx, command.names));

export const distribution: CommandHandler<'distribution'> = async (command, env) =>
  recordMinutesReply(env, (repos, ctx) => setDistributionList(repos, ctx, command.names));
