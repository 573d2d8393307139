/** What a join link says about its meeting chat, and the chat's conversation id from Graph's chatInfo. */
import { chatConversationId, chatThreadInJoinUrl, joinUrlNamesNoChat } from '../../../bot/src/core/join-url';

describe('join links', () => {
  it.each<[string | null, boolean]>([
    ['https://teams.microsoft.com/meet/29145623457?p=Xk4tRq7mPz', true],
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5ZTk5%40thread.v2/0?context=%7b%7d', false],
    ['https://teams.microsoft.com/l/meetup-join/19%3aabc%40thread.tacv2/1710230400000', false],
    [null, false],
  ])('%s names no chat: %s', (joinUrl, namesNone) => {
    expect(joinUrlNamesNoChat(joinUrl)).toBe(namesNone);
  });

  it('a malformed escape in a classic link names no chat instead of throwing', () => {
    expect(chatThreadInJoinUrl('https://teams.microsoft.com/l/meetup-join/19%3ameeting_%E0%40thread.v2/0')).toBeNull();
  });
});

describe('chatConversationId (Graph chatInfo → Teams conversation id)', () => {
  it.each<[string, string | null, string | null]>([
    ['19:meeting_c2hvcnQ@thread.v2', '0', '19:meeting_c2hvcnQ@thread.v2'],
    ['19:meeting_c2hvcnQ@thread.v2', null, '19:meeting_c2hvcnQ@thread.v2'],
    // a channel meeting's chat is the reply chain of its post in the channel
    ['19:samverkan@thread.tacv2', '1710230400000', '19:samverkan@thread.tacv2;messageid=1710230400000'],
    ['19:samverkan@thread.tacv2', '0', '19:samverkan@thread.tacv2'],
    ['not-a-thread', '0', null],
    ['19:x@thread.v2;messageid=1', '1', null],
  ])('%s + %s → %s', (threadId, messageId, expected) => {
    expect(chatConversationId(threadId, messageId)).toBe(expected);
  });
});
