/** `starta`, `nästa`, `punkt <nr>`, `avsluta`, `plats`. */
import { goToItem, nextItem, startMeeting, type Moved } from '../../core/use-cases/meeting-flow';
import { closeMeeting } from '../../core/use-cases/close-meeting';
import { buildAgendaView } from '../../core/use-cases/agenda-view';
import { buildAgendaCard } from '../../cards/agenda.card';
import { buildDecisionCard } from '../../cards/decision.card';
import { paragraphFormsView } from '../../core/use-cases/paragraph-forms';
import type { Answer } from '../../core/use-cases/command-context';
import { inGroup, type GroupScope, type Outcome } from './handler';
import { setPlace } from '../../core/use-cases/meeting-place';

export const start = inGroup<'start'>('record', async (_command, { repos, ctx, turn }) => {
  const answer = await startMeeting(repos, ctx, { teamsMeetingId: turn.meetingId });
  const open = answer.data!;
  return { text: answer.text, card: buildAgendaCard(buildAgendaView(ctx.group, open.meeting, open.items, ctx.at)) };
});

/**
 * Moving to a paragraph during the meeting answers with the decision form for it, quorum shown
 * above the button; in the draft after the meeting the commands are enough.
 */
const withDecisionForm = async ({ repos, ctx }: GroupScope, answer: Answer<Moved>): Promise<Outcome> => {
  if (answer.data?.phase !== 'live') return { text: answer.text };
  return { text: answer.text, card: buildDecisionCard(await paragraphFormsView(repos, ctx, answer.data.running)) };
};

export const next = inGroup<'next'>('record', async (_command, scope) => withDecisionForm(scope, await nextItem(scope.repos, scope.ctx)));

export const goTo = inGroup<'go-to'>('record', async (command, scope) =>
  withDecisionForm(scope, await goToItem(scope.repos, scope.ctx, command.number, command.sub)));

/** `avsluta`: the meeting ends and its draft goes out for justering (said again: which version awaits whom; a new one only if the content changed). */
export const end = inGroup<'end'>('record', async (_command, { repos, ctx, documents, progress }) => {
  const closed = await closeMeeting(repos, ctx, documents, { reissue: true, progress: () => progress('Skapar protokollutkast …') });
  return { text: closed!.text, events: closed!.events };
});

export const place = inGroup<'place'>('record', async (command, { repos, ctx }) => setPlace(repos, ctx, command.text));
