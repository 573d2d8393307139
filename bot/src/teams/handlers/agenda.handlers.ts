/** `ny punkt`, `underpunkt`, `avsnitt`, `ändra punkt`, `ta bort punkt`, `dagordning`. */
import { addItem, addSubPoint, removeItem, renameItem, setSection } from '../../core/use-cases/agenda-edit';
import { agendaView } from '../../core/use-cases/agenda-view';
import { buildAgendaCard } from '../../cards/agenda.card';
import { buildRemoveConfirmationCard } from '../../cards/remove-confirmation.card';
import type { CommandHandler } from './handler';
import { resolveGroup } from '../group-resolver';

export const addItemHandler: CommandHandler<'add-item'> = async (command, env) =>
  env.inGroup((repos, ctx) => addItem(repos, ctx, command.title, command.typeTag));

export const addSubPointHandler: CommandHandler<'add-sub-point'> = async (command, env) =>
  env.inGroup((repos, ctx) => addSubPoint(repos, ctx, command.title));

export const section: CommandHandler<'section'> = async (command, env) =>
  env.inGroup((repos, ctx) => setSection(repos, ctx, command.heading));

export const renameItemHandler: CommandHandler<'rename-item'> = async (command, env) =>
  env.inGroup((repos, ctx) => renameItem(repos, ctx, command.number, command.title, command.typeTag));

export const removeItemHandler: CommandHandler<'remove-item'> = async (command, env) => {
  const answer = await env.inGroup((repos, ctx) => removeItem(repos, ctx, command.number, false));
  if (!answer.data) return { text: answer.text };
  return { text: answer.text, card: buildRemoveConfirmationCard({ ...answer.data, number: command.number }) };
};

export const showAgenda: CommandHandler<'show-agenda'> = async (_command, env) => {
  // With a calendar, the next meeting and its invitation's agenda are brought in first (outside
  // this command's transaction: it reads Microsoft Graph); a calendar that cannot be read is said.
  const group = env.calendar ? await env.uow.read((repos) => resolveGroup(repos, env.turn)) : null;
  const warning = group && env.calendar ? await env.calendar.prepare(group.id, env.turn.at) : null;
  const view = await env.inGroup((repos, ctx) => agendaView(repos, ctx.group, ctx.at));
  return { card: buildAgendaCard(view), ...(warning ? { warning } : {}) };
};
