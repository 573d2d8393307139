/** `grupp`, `ledamöter`, `beslutsorgan`, `numrering`, `beslutsförhet`. */
import { bindGroup, setDecidingBody, setNumbering, setQuorumRule, updateRoster } from '../../core/use-cases/group-settings';
import type { CommandHandler } from './handler';

export const bindGroupHandler: CommandHandler<'bind-group'> = async (command, env) => {
  const { turn } = env;
  const answer = await env.once((repos) =>
    bindGroup(
      repos,
      command.name,
      { conversationId: turn.conversationId, kind: turn.kind, reference: turn.reference },
      { tenantId: turn.tenantId, teamId: turn.kind === 'channel' ? turn.teamId : null, channelId: turn.kind === 'channel' ? turn.channelId : null },
    ),
  );
  return { text: answer.text };
};

export const roster: CommandHandler<'roster'> = async (command, env) =>
  env.inGroup((repos, ctx) => updateRoster(repos, ctx.group, command.entries));

export const decidingBody: CommandHandler<'deciding-body'> = async (command, env) =>
  env.inGroup((repos, ctx) => setDecidingBody(repos, ctx.group, command.text));

export const numbering: CommandHandler<'numbering'> = async (command, env) =>
  env.inGroup((repos, ctx) => setNumbering(repos, ctx.group, command.style, command.start, ctx.at));

export const quorumRule: CommandHandler<'quorum-rule'> = async (command, env) =>
  env.inGroup((repos, ctx) => setQuorumRule(repos, ctx.group, command.rule));
