/** The meeting chat named by a Teams join link. */
import { meetingChatId, meetingChatReference } from '../../../bot/src/teams/meeting-chat';

describe('meetingChatId', () => {
  it.each([
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5ZTk5%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d', '19:meeting_NjQ5ZTk5@thread.v2'],
    ['https://teams.microsoft.com/l/meetup-join/19%3aabc%40thread.tacv2/1710230400000?context=%7b%7d', '19:abc@thread.tacv2;messageid=1710230400000'],
    ['https://teams.microsoft.com/meet/29145623457?p=abc', null],
    ['https://example.com/l/meetup-join/not-a-thread/0', null],
    ['not a url', null],
    [null, null],
  ])('%s → %s', (joinUrl, expected) => {
    expect(meetingChatId(joinUrl)).toBe(expected);
  });

  it('borrows service URL, bot and tenant from the channel the bot knows', () => {
    const reference = meetingChatReference('https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0', [
      { conversationId: '19:c@thread.tacv2', kind: 'channel', reference: { serviceUrl: 'https://smba.trafficmanager.net/emea/', bot: { id: '28:bot', name: 'Protokoll' }, conversation: { id: '19:c@thread.tacv2', tenantId: 't' } } },
    ]);
    expect(reference).toEqual({
      channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', bot: { id: '28:bot', name: 'Protokoll' },
      conversation: { id: '19:meeting_X@thread.v2', isGroup: true, conversationType: 'groupChat', tenantId: 't', name: '' },
    });
    expect(meetingChatReference('https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0', [])).toBeNull();
  });
});
