/**
 * What a Teams join link says about its meeting's chat, without asking anyone. The classic link
 * names the chat thread:
 *   …/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=…          → 19:meeting_X@thread.v2
 *   …/l/meetup-join/19%3aCHANNEL%40thread.tacv2/1710230400000?…     → 19:CHANNEL@thread.tacv2;messageid=1710230400000
 * (a channel meeting's chat is the thread of its post in the channel). The newer short link
 * (`https://teams.microsoft.com/meet/<id>?p=<passcode>`) names no thread: the online meeting has to
 * be looked up in Microsoft Graph to learn it (scheduler/meeting-chat-lookup.ts).
 */

export function chatThreadInJoinUrl(joinUrl: string | null): string | null {
  if (!joinUrl) return null;
  let path: string;
  try {
    path = new URL(joinUrl).pathname;
  } catch {
    return null;
  }
  const match = /\/l\/meetup-join\/([^/]+)\/([^/]+)/.exec(path);
  if (!match) return null;
  try {
    return chatConversationId(decodeURIComponent(match[1]!), decodeURIComponent(match[2]!));
  } catch {
    return null;
  }
}

/**
 * The Teams conversation id of a meeting chat from its thread (Graph's `chatInfo.threadId`) and
 * message (`chatInfo.messageId`): a channel meeting's chat is the reply chain of its post, so the
 * message belongs in the id; any other meeting's chat is the thread itself. Null when the thread is
 * not a Teams thread id.
 */
export function chatConversationId(threadId: string, messageId: string | null): string | null {
  if (!/^19:[^\s;]+@thread\.(?:v2|tacv2|skype)$/.test(threadId)) return null;
  return threadId.endsWith('@thread.tacv2') && messageId && /^[1-9]\d*$/.test(messageId) ? `${threadId};messageid=${messageId}` : threadId;
}

/** A link whose meeting chat can only be learned from Graph. */
export const joinUrlNamesNoChat = (joinUrl: string | null): joinUrl is string => !!joinUrl && chatThreadInJoinUrl(joinUrl) === null;
