/**
 * Normalises a Teams activity at the edge: where it came from (channel, meeting chat, personal
 * chat), who sent it, and when. Times come from the activity's own timestamp (Teams' clock) so a
 * retried or delayed activity keeps its real time; the server clock is only a fallback.
 */
import { TurnContext, type Activity } from 'botbuilder';
import type { Actor } from '../core/use-cases/command-context';
import type { ConversationBinding } from '../core/ports';

export interface TurnInfo {
  /**
   * The conversation without a channel thread's `;messageid=…` suffix: every post in a channel
   * belongs to the same channel (and group).
   */
  conversationId: string;
  kind: ConversationBinding['kind'];
  tenantId: string | null;
  teamId: string | null;
  teamName: string | null;
  /** the team's Microsoft 365 group id (`aadGroupId`), sent on install and conversation updates */
  teamGraphId?: string | null;
  channelId: string | null;
  meetingId: string | null;
  actor: Actor;
  at: string;
  /** unique per delivered activity: Teams retries reuse the activity id */
  idempotencyKey: string | null;
  reference: unknown;
}

export function turnInfo(activity: Activity, now: () => Date = () => new Date()): TurnInfo {
  const channelData = (activity.channelData ?? {}) as {
    tenant?: { id?: string };
    team?: { id?: string; name?: string; aadGroupId?: string };
    channel?: { id?: string };
    meeting?: { id?: string };
  };
  const type = activity.conversation?.conversationType;
  const kind: TurnInfo['kind'] = type === 'channel' ? 'channel' : type === 'personal' ? 'personal' : 'groupChat';
  const conversationId = activity.conversation.id.split(';')[0]!;
  return {
    conversationId,
    kind,
    tenantId: channelData.tenant?.id ?? activity.conversation.tenantId ?? null,
    teamId: channelData.team?.id ?? null,
    teamName: channelData.team?.name ?? null,
    teamGraphId: channelData.team?.aadGroupId ?? null,
    // In a team the conversation of a channel post is the channel itself (General's id is the team's).
    channelId: channelData.channel?.id ?? (kind === 'channel' ? conversationId : null),
    meetingId: channelData.meeting?.id ?? null,
    actor: { aadObjectId: activity.from?.aadObjectId ?? null, teamsUserId: activity.from?.id ?? null, name: activity.from?.name ?? 'Okänd' },
    at: activityTime(activity, now),
    idempotencyKey: activity.id ? `${activity.conversation.id}|${activity.type}|${activity.id}` : null,
    reference: TurnContext.getConversationReference(activity),
  };
}

function activityTime(activity: Activity, now: () => Date): string {
  const stamp = activity.timestamp ? new Date(activity.timestamp as unknown as string) : null;
  return stamp && !Number.isNaN(stamp.getTime()) ? stamp.toISOString() : now().toISOString();
}
