/** `föredragande`, `anteckning`, `beslut`, `information`, `jäv`, `reservation`, `åtgärd`, `bordlägg`, `skickas till`, `sändlista`. */
import {
  addDecision, addNote, postponeItem, recordInformation, setDistributionList, setPresenters, setRecipients,
} from '../../core/use-cases/record-minutes';
import { addAction } from '../../core/use-cases/record-action';
import { declareConflict, recordReservation } from '../../core/use-cases/paragraph-statements';
import { requestImmediateAdjustment } from '../../core/use-cases/immediate-adjustment';
import { buildImmediateAdjustmentCard } from '../../cards/immediate-adjustment.card';
import { buildActionProposalCard } from '../../cards/action-proposal.card';
import { buildOwnerChoiceCard } from '../../cards/owner-choice.card';
import { inGroup } from './handler';

export const presenters = inGroup<'presenters'>('record', async (command, { repos, ctx }) => setPresenters(repos, ctx, command.names));

export const note = inGroup<'note'>('record', async (command, { repos, ctx }) => addNote(repos, ctx, command.text));

export const decision = inGroup<'decision'>('record', async (command, { repos, ctx }) => {
  const answer = await addDecision(repos, ctx, command.clause);
  const recorded = answer.data!;
  const proposal = recorded.proposal;
  return {
    text: answer.text,
    warning: answer.warning,
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
});

export const information = inGroup<'information'>('record', async (_command, { repos, ctx }) => recordInformation(repos, ctx));

export const conflictOfInterest = inGroup<'conflict'>('record', async (command, { repos, ctx }) => declareConflict(repos, ctx, { name: command.name }));

export const immediateAdjustment = inGroup<'immediate-adjustment'>('record', async (_command, { repos, ctx }) => {
  const answer = await requestImmediateAdjustment(repos, ctx);
  return { text: answer.text, card: buildImmediateAdjustmentCard(answer.data!, { kind: 'everyone' }) };
});

export const reservation = inGroup<'reservation'>('record', async (command, { repos, ctx }) => recordReservation(repos, ctx, command.names.map((name) => ({ name })), command.motivation));

export const action = inGroup<'action'>('record', async (command, { repos, ctx }) => {
  const answer = await addAction(repos, ctx, { text: command.text, owner: command.owner, dueDate: command.dueDate });
  const outcome = answer.data!;
  if (outcome.kind === 'recorded') return { text: answer.text };
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
});

export const postpone = inGroup<'postpone'>('record', async (_command, { repos, ctx }) => postponeItem(repos, ctx));

export const recipients = inGroup<'recipients'>('record', async (command, { repos, ctx }) => setRecipients(repos, ctx, command.names));

export const distribution = inGroup<'distribution'>('record', async (command, { repos, ctx }) => setDistributionList(repos, ctx, command.names));
