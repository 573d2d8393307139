/**
 * Where a Teams meeting's chat is, so the agenda can be posted there proactively: the thread the
 * classic join link names (core/join-url.ts), else the one Graph told for a short link and stored
 * with the meeting. Without either the caller posts in the group's channel instead.
 */
import type { ConversationReference } from 'botbuilder';
import type { ConversationBinding } from '../core/ports';
import { chatThreadInJoinUrl } from '../core/join-url';

export const meetingChatId = chatThreadInJoinUrl;

/**
 * A reference to the meeting chat, borrowing the service URL, bot and tenant from a conversation
 * the bot already knows in the group (its channel first).
 */
export function meetingChatReference(joinUrl: string | null, bindings: ConversationBinding[]): Partial<ConversationReference> | null {
  return chatReference(meetingChatId(joinUrl), bindings);
}

/** The same for a chat known by its conversation id (from the join link or from Graph). */
export function chatReference(chatId: string | null, bindings: ConversationBinding[]): Partial<ConversationReference> | null {
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
