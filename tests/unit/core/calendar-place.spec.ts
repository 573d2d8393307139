/**
 * The invitation's room as the meeting's place: Graph's `location.displayName` without the online
 * part Outlook names "Microsoft Teams-möte", and "via Teams" only when no room is left.
 */
import { placeOf, roomOf } from '../../../bot/src/core/calendar';
import { toCalendarEvent } from '../../../bot/src/graph/event.mapping';

describe('roomOf', () => {
  it.each<[string | null | undefined, string | null]>([
    ['Sammanträdesrum Ekbacken, Ronneby rådhus', 'Sammanträdesrum Ekbacken, Ronneby rådhus'],
    ['  Kungsmarken  ', 'Kungsmarken'],
    ['Microsoft Teams-möte', null],
    ['Microsoft Teams Meeting', null],
    ['microsoft teams', null],
    ['Sammanträdesrum Ekbacken; Microsoft Teams-möte', 'Sammanträdesrum Ekbacken'],
    ['Microsoft Teams Meeting; Länshuset, sal 3; Rum 2', 'Länshuset, sal 3; Rum 2'],
    ['Microsoft Teamsrummet', 'Microsoft Teamsrummet'],
    ['', null],
    ['  ;  ', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (displayName, room) => {
    expect(roomOf(displayName)).toBe(room);
  });

  it('places a meeting without a room "via Teams"', () => {
    expect(placeOf({ location: 'Kungsmarken' })).toBe('Kungsmarken');
    expect(placeOf({ location: null })).toBe('via Teams');
    expect(placeOf({})).toBe('via Teams');
  });
});

describe('toCalendarEvent: location', () => {
  const graphEvent = (location: unknown) => ({
    id: 'AAMk-1', subject: 'Sammanträde', isCancelled: false, isOnlineMeeting: true,
    start: { dateTime: '2024-03-12T08:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2024-03-12T11:00:00.0000000', timeZone: 'UTC' },
    onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' }, body: { contentType: 'text', content: '' }, location,
  });

  it.each<[unknown, string | null]>([
    [{ displayName: 'Sammanträdesrum Ekbacken, Ronneby rådhus', locationType: 'conferenceRoom' }, 'Sammanträdesrum Ekbacken, Ronneby rådhus'],
    [{ displayName: 'Microsoft Teams-möte', locationType: 'default', uniqueId: 'Microsoft Teams-möte' }, null],
    [{ displayName: '' }, null],
    [{}, null],
    [undefined, null],
    ['Ekbacken', null], // not shaped like Graph's location: no room is guessed
  ])('%j → %j', (location, room) => {
    expect(toCalendarEvent(graphEvent(location)).location).toBe(room);
  });
});
