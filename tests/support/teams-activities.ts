/**
 * Teams-shaped activities for wire-level tests, built from the captured payloads in
 * tests/fixtures/teams (real Agents Playground ↔ botbuilder traffic), with ids and text varied.
 */
import { randomUUID } from 'node:crypto';
import channelMessage from '../fixtures/teams/channel-message-mention.json';
import channelInstall from '../fixtures/teams/channel-installationUpdate.json';
import meetingStart from '../fixtures/teams/groupchat-custom-meetingStart-event.json';

export const BOT = { id: '28:protokoll-bot', name: 'Protokoll' };
export const TENANT = '00000000-0000-0000-0000-000000000001';

export interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface ChannelPlace {
  teamId: string;
  teamName: string;
  channelId: string;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

export class TeamsChannel {
  constructor(
    readonly place: ChannelPlace,
    readonly serviceUrl: string,
  ) {}

  install(at: string): any {
    const activity = clone(channelInstall) as any;
    activity.id = randomUUID();
    activity.timestamp = at;
    activity.serviceUrl = this.serviceUrl;
    activity.recipient = BOT;
    activity.conversation = { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: this.place.channelId };
    activity.channelData = {
      tenant: { id: TENANT },
      team: { id: this.place.teamId, name: this.place.teamName },
      channel: { id: this.place.channelId },
      settings: { selectedChannel: { id: this.place.channelId } },
    };
    return activity;
  }

  /** `@Protokoll <text>` posted in the channel (mention text of the bot as Teams shows it). */
  message(from: Person, text: string, at: string, mentionText = BOT.name): any {
    const activity = clone(channelMessage) as any;
    activity.id = randomUUID();
    activity.timestamp = at;
    activity.localTimestamp = at;
    activity.serviceUrl = this.serviceUrl;
    activity.from = from;
    activity.recipient = BOT;
    activity.text = `<at>${mentionText}</at> ${text}`;
    activity.conversation = { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: `${this.place.channelId};messageid=${Date.parse(at)}` };
    activity.entities = [{ type: 'mention', mentioned: BOT, text: `<at>${mentionText}</at>` }];
    activity.channelData = {
      teamsChannelId: this.place.channelId,
      teamsTeamId: this.place.teamId,
      tenant: { id: TENANT },
      team: { id: this.place.teamId },
      channel: { id: this.place.channelId },
    };
    return activity;
  }

  /** An event in the channel meeting's chat (same channel, meeting id in channelData). */
  meetingEvent(name: string, value: unknown, at: string, meetingId = 'MCMxOTptZWV0aW5n'): any {
    const activity = clone(meetingStart) as any;
    activity.id = randomUUID();
    activity.timestamp = at;
    activity.serviceUrl = this.serviceUrl;
    activity.recipient = BOT;
    activity.name = name;
    activity.value = value;
    activity.conversation = { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: `${this.place.channelId};messageid=meeting` };
    activity.channelData = {
      tenant: { id: TENANT },
      team: { id: this.place.teamId },
      channel: { id: this.place.channelId },
      meeting: { id: meetingId },
    };
    return activity;
  }

  /** `joinUrl`: the link Teams sends with the event (a classic one names the meeting's chat) */
  meetingStarted(at: string, joinUrl = 'https://teams.microsoft.com/l/meetup-join/x'): any {
    return this.meetingEvent('application/vnd.microsoft.meetingStart', {
      Id: 'MCMxOTptZWV0aW5n', MeetingType: 'Scheduled', JoinUrl: joinUrl, Title: 'Sammanträde', StartTime: at,
    }, at);
  }

  meetingEnded(at: string): any {
    return this.meetingEvent('application/vnd.microsoft.meetingEnd', {
      Id: 'MCMxOTptZWV0aW5n', MeetingType: 'Scheduled', JoinUrl: 'https://teams.microsoft.com/l/meetup-join/x', Title: 'Sammanträde', EndTime: at,
    }, at);
  }

  participants(kind: 'join' | 'leave', people: Person[], at: string): any {
    return this.meetingEvent(
      kind === 'join' ? 'application/vnd.microsoft.meetingParticipantJoin' : 'application/vnd.microsoft.meetingParticipantLeave',
      { members: people.map((p) => ({ user: { id: p.id, name: p.name, aadObjectId: p.aadObjectId }, meeting: { role: 'Attendee', inMeeting: kind === 'join' } })) },
      at,
    );
  }

  /**
   * Action.Execute on a card the bot posted (an `adaptiveCard/action` invoke); `automatic` is the
   * refresh Teams sends by itself for the users in the card's refresh.userIds.
   */
  cardAction(from: Person, verb: string, data: Record<string, unknown>, at: string, trigger: 'manual' | 'automatic' = 'manual'): any {
    return {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: randomUUID(),
      timestamp: at,
      serviceUrl: this.serviceUrl,
      channelId: 'msteams',
      from,
      recipient: BOT,
      conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: `${this.place.channelId};messageid=1` },
      channelData: { tenant: { id: TENANT }, team: { id: this.place.teamId }, channel: { id: this.place.channelId } },
      value: { action: { type: 'Action.Execute', verb, data }, trigger },
    };
  }
}

/** POSTs an activity to the bot like the Bot Connector does; returns the HTTP status and body. */
export async function deliver(botUrl: string, activity: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
