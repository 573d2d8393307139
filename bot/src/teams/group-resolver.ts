/**
 * Which group a conversation belongs to: its explicit binding (`grupp <namn>` or install), else, in
 * a team, the group of its channel — so a channel meeting's chat belongs to its channel's group —
 * else the group whose calendar meeting has this chat, as Graph told for a short join link.
 */
import type { Group } from '../core/model';
import type { Repositories } from '../core/ports';
import type { TurnInfo } from './turn-info';

export function resolveGroup(repos: Repositories, turn: TurnInfo): Promise<Group | null> {
  return repos.groups.findForConversation({ conversationId: turn.conversationId, teamId: turn.teamId ?? null, channelId: turn.channelId ?? null });
}

/**
 * On install in a team channel: the channel gets a group named after the team (unless one is
 * already bound), which `grupp <namn>` can replace. Elsewhere only the reference is stored.
 */
export async function onInstalled(repos: Repositories, turn: TurnInfo): Promise<Group | null> {
  const binding = { conversationId: turn.conversationId, kind: turn.kind, reference: turn.reference };
  if (turn.kind !== 'channel' || !turn.teamId || !turn.channelId) {
    await repos.groups.bindConversation(null, binding);
    return null;
  }
  const group = (await resolveGroup(repos, turn)) ?? (await createForChannel(repos, turn, turn.teamId, turn.channelId));
  await repos.groups.bindConversation(group.id, binding);
  // Install activities carry the team's Microsoft 365 group id, which Graph needs for channel files.
  if (turn.teamGraphId) await repos.artifacts.rememberTeamGraphId(group.id, turn.teamGraphId);
  return group;
}

/** Named after the team; a name another team of the tenant already uses gets a number (names are unique per tenant). */
async function createForChannel(repos: Repositories, turn: TurnInfo, teamId: string, channelId: string): Promise<Group> {
  const base = turn.teamName ?? `Grupp ${channelId.slice(0, 12)}`;
  let name = base;
  for (let n = 2; await repos.groups.findByName(turn.tenantId, name); n++) name = `${base} ${n}`;
  return repos.groups.create({ name, decidingBody: base, tenantId: turn.tenantId, teamId, channelId });
}
