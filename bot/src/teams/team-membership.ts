/**
 * "Is this person a member of the group's team?" — asked of Teams itself through the Bot
 * Framework (GET /v3/conversations/{teamId}/members/{aadObjectId}), using the group's stored
 * channel reference, so no Graph permission is needed. The tab lets team members in as well as
 * the roster: the roster lists the voting members, the team also has officials and guests.
 *
 * Answers are cached briefly: the tab calls the API several times per view, and a membership
 * change in Teams taking a minute to show is acceptable.
 */
import { TeamsInfo, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Group } from '../core/model';
import type { TeamMembership, UnitOfWork } from '../core/ports';
import type { Logger } from '../logger';

const CACHE_MS = 60_000;


export class BotFrameworkTeamMembership implements TeamMembership {
  private readonly cache = new Map<string, { member: boolean; until: number }>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly uow: UnitOfWork,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  async groupsViaTeam(groups: Group[], aadObjectId: string): Promise<Set<string>> {
    const byTeam = new Map<string, Group[]>();
    for (const group of groups) if (group.teamId) byTeam.set(group.teamId, [...(byTeam.get(group.teamId) ?? []), group]);
    const visible = new Set<string>();
    await Promise.all([...byTeam].map(async ([teamId, teamGroups]) => {
      if (await this.isTeamMember(teamId, teamGroups[0]!, aadObjectId)) teamGroups.forEach((g) => visible.add(g.id));
    }));
    return visible;
  }

  private async isTeamMember(teamId: string, group: Group, aadObjectId: string): Promise<boolean> {
    const key = `${teamId}|${aadObjectId.toLowerCase()}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > this.clock()) return cached.member;
    const member = await this.ask(teamId, group, aadObjectId);
    this.cache.set(key, { member, until: this.clock() + CACHE_MS });
    return member;
  }

  private async ask(teamId: string, group: Group, aadObjectId: string): Promise<boolean> {
    const [binding] = await this.uow.read((repos) => repos.groups.conversationReferences(group.id, 'channel'));
    if (!binding) return false;
    let member = false;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, binding.reference as Partial<ConversationReference>, async (context) => {
        member = !!(await TeamsInfo.getTeamMember(context, teamId, aadObjectId));
      });
    } catch (error) {
      // Teams answers 404 for someone who is not in the team; anything else is logged and denies.
      if ((error as { statusCode?: number }).statusCode !== 404) this.logger.warn({ err: error, teamId }, 'team membership check failed');
      return false;
    }
    return member;
  }
}
