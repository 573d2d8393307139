/** `grupp`, `ledamöter`, `beslutsorgan`, `numrering`, `beslutsförhet`, `beslutsstil`. */
import { bindGroup, setClauseStyle, setDecidingBody, setNumbering, setQuorumRule, updateRoster } from '../../core/use-cases/group-settings';
import { resolveGroup } from '../group-resolver';
import { inGroup, type CommandSpec } from './handler';

/** `grupp <namn>` checks who may itself (core/use-cases/group-settings.ts): it may be said before there is a group. */
export const bindGroupHandler: CommandSpec<'bind-group'> = {
  group: 'none',
  // In a chat, a member of the group's team may bind it too: asked of Teams before the transaction.
  prepare: async (command, services, turn) => {
    if (turn.kind === 'channel' || !turn.actor.aadObjectId || !services.membership) return null;
    const group = await services.uow.read((repos) => repos.groups.findByName(turn.tenantId, command.name));
    if (!group?.teamId) return null;
    return (await services.membership.groupsViaTeam([group], turn.actor.aadObjectId)).has(group.id) ? group.id : null;
  },
  run: async (command, { repos, turn }, teamMemberOf) => {
    const channel = turn.kind === 'channel' && turn.teamId && turn.channelId
      ? { teamId: turn.teamId, channelId: turn.channelId, current: await resolveGroup(repos, turn) }
      : null;
    const binding = { conversationId: turn.conversationId, kind: turn.kind, reference: turn.reference };
    return bindGroup(repos, command.name, binding, { tenantId: turn.tenantId, channel, teamMemberOf }, turn.actor);
  },
};

export const roster = inGroup<'roster'>('setup', async (command, { repos, ctx }) => updateRoster(repos, ctx.group, command.entries, ctx.actor));

export const decidingBody = inGroup<'deciding-body'>('setup', async (command, { repos, ctx }) => setDecidingBody(repos, ctx.group, command.text));

export const numbering = inGroup<'numbering'>('setup', async (command, { repos, ctx }) => setNumbering(repos, ctx.group, command.style, command.start, ctx.at));

export const quorumRule = inGroup<'quorum-rule'>('setup', async (command, { repos, ctx }) => setQuorumRule(repos, ctx.group, command.rule));

export const clauseStyle = inGroup<'clause-style'>('setup', async (command, { repos, ctx }) => setClauseStyle(repos, ctx.group, command.numbered));
