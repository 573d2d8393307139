/** `grupp`, `ledamöter`, `beslutsorgan`, `numrering`, `beslutsförhet`. */
import { bindGroup, setDecidingBody, setNumbering, setQuorumRule, updateRoster } from '../../core/use-cases/group-settings';
import { inGroup, type CommandSpec } from './handler';

export const bindGroupHandler: CommandSpec<'bind-group'> = {
  group: 'none',
  run: async (command, { repos, turn }) =>
    bindGroup(
      repos,
      command.name,
      { conversationId: turn.conversationId, kind: turn.kind, reference: turn.reference },
      { tenantId: turn.tenantId, teamId: turn.kind === 'channel' ? turn.teamId : null, channelId: turn.kind === 'channel' ? turn.channelId : null },
    ),
};

export const roster = inGroup<'roster'>('setup', async (command, { repos, ctx }) => updateRoster(repos, ctx.group, command.entries));

export const decidingBody = inGroup<'deciding-body'>('setup', async (command, { repos, ctx }) => setDecidingBody(repos, ctx.group, command.text));

export const numbering = inGroup<'numbering'>('setup', async (command, { repos, ctx }) => setNumbering(repos, ctx.group, command.style, command.start, ctx.at));

export const quorumRule = inGroup<'quorum-rule'>('setup', async (command, { repos, ctx }) => setQuorumRule(repos, ctx.group, command.rule));
