/**
 * Deep links into the channel tab: Teams opens the group's tab and hands it a sub-entity id, which
 * the tab reads from its context (tab/src/main.ts). The approval card links to a meeting this way
 * when its document is not in the channel's files, since a link to the API opens without a token.
 */
import type { Group } from '../core/model';

/** The tab's entity id for a group, as its configuration page saves it (tab/src/config-page.ts). */
export const tabEntityId = (groupId: string): string => `protokoll-${groupId}`;

/** The sub-entity id that makes the tab open a meeting's preview. */
export const meetingSubEntityId = (meetingId: string): string => `meeting:${meetingId}`;

/**
 * `https://teams.microsoft.com/l/entity/<app id>/<entity id>?context={"subEntityId":…,"channelId":…}`
 * (the channel a channel tab is in; a group bound only to a chat has none). Parentheses are encoded
 * too, so the link can stand in a markdown link.
 */
export function meetingTabLink(teamsAppId: string, group: Pick<Group, 'id' | 'channelId'>, meetingId: string): string {
  const context = { subEntityId: meetingSubEntityId(meetingId), ...(group.channelId ? { channelId: group.channelId } : {}) };
  const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `https://teams.microsoft.com/l/entity/${encode(teamsAppId)}/${encode(tabEntityId(group.id))}?context=${encode(JSON.stringify(context))}`;
}
