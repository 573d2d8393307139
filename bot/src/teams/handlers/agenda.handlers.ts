/** `ny punkt`, `underpunkt`, `avsnitt`, `ändra punkt`, `ta bort punkt`, `dagordning`. */
import { addItem, addSubPoint, removeItem, renameItem, setSection } from '../../core/use-cases/agenda-edit';
import { agendaView } from '../../core/use-cases/agenda-view';
import { setPlannedMinutes } from '../../core/use-cases/agenda-timer';
import { buildAgendaCard } from '../../cards/agenda.card';
import { buildRemoveConfirmationCard } from '../../cards/remove-confirmation.card';
import { inGroup, type CommandSpec } from './handler';

export const addItemHandler = inGroup<'add-item'>('propose', async (command, { repos, ctx }) => addItem(repos, ctx, command.title, command.typeTag));

export const addSubPointHandler = inGroup<'add-sub-point'>('record', async (command, { repos, ctx }) => addSubPoint(repos, ctx, command.title, command.typeTag));

export const section = inGroup<'section'>('record', async (command, { repos, ctx }) => setSection(repos, ctx, command.heading));

export const renameItemHandler = inGroup<'rename-item'>('record', async (command, { repos, ctx }) =>
  renameItem(repos, ctx, command.number, command.title, command.typeTag));

export const removeItemHandler = inGroup<'remove-item'>('record', async (command, { repos, ctx }) => {
  const answer = await removeItem(repos, ctx, command.number, false);
  if (!answer.data) return { text: answer.text };
  return { text: answer.text, card: buildRemoveConfirmationCard({ ...answer.data, number: command.number }) };
});

/**
 * With a calendar, the next meeting and its invitation's agenda are brought in first (before the
 * transaction: it reads Microsoft Graph); a calendar that cannot be read is said.
 */
export const showAgenda: CommandSpec<'show-agenda'> = {
  group: 'required',
  permission: 'read',
  before: async (_command, { services, group, turn }) => (services.calendar ? services.calendar.prepare(group.id, turn.at) : null),
  run: async (_command, { repos, ctx }, warning) => ({ card: buildAgendaCard(await agendaView(repos, ctx.group, ctx.at)), ...(warning ? { warning } : {}) }),
};

export const plannedTime = inGroup<'planned-time'>('record', async (command, { repos, ctx }) => setPlannedMinutes(repos, ctx, command.minutes));
