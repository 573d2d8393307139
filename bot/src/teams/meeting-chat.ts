/**
 * Where a Teams meeting's chat is, from its join link, so the agenda can be posted there
 * proactively. The classic link names the chat thread:
 *   …/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=…          → 19:meeting_X@thread.v2
 *   …/l/meetup-join/19%3aCHANNEL%40thread.tacv2/1710230400000?…     → 19:CHANNEL@thread.tacv2;messageid=1710230400000
 * (a channel meeting's chat is the thread of its post in the channel). Newer short links
 * (`/meet/<id>`) name no thread: the caller then posts in the group's channel instead.
 */
import type { ConversationReference } from 'botbuilder';
import type { ConversationBinding } from '../core/ports';

export function meetingChatId(joinUrl: string | null): string | null {
  if (!joinUrl) return null;
  let path: string;
  try {
    path = new URL(joinUrl).pathname;
  } catch {
    return null;
  }
  const match = /\/l\/meetup-join\/([^/]+)\/([^/]+)/.exec(path);
  if (!match) return null;
  const thread = decodeURIComponent(match[1]!);
  const message = decodeURIComponent(match[2]!);
  if (!/^19:[^\s;]+@thread\.(?:v2|tacv2|skype)$/.test(thread)) return null;
  return thread.endsWith('@thread.tacv2') && /^[1-9]\d*$/.test(message) ? `${thread};messageid=${message}` : thread;
}

/**
 * A reference to the meeting chat, borrowing the service URL, bot and tenant from a conversation
 * the bot already knows in the group (its channel first).
 */
export function meetingChatReference(joinUrl: string | null, bindings: ConversationBinding[]): Partial<ConversationReference> | null {
  const chatId = meetingChatId(joinUrl);
  const known = bindings.find((b) => b.kind === 'channel') ?? bindings.find((b) => b.kind === 'groupChat');
  if (!chatId || !known) return null;
  const base = known.reference as Partial<ConversationReference>;
  if (!base.serviceUrl) return null;
  return {
    channelId: base.channelId ?? 'msteams',
    serviceUrl: base.serviceUrl,
    bot: base.bot,
    conversation: {
      id: chatId,
      isGroup: true,
      conversationType: chatId.includes('@thread.tacv2') ? 'channel' : 'groupChat',
      tenantId: base.conversation?.tenantId,
      name: '',
    },
  };
}
