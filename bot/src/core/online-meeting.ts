/**
 * The Teams online meeting behind a calendar invitation's join link, as far as Protokoll needs it:
 * its Graph id, its chat (where the agenda goes and whose Teams events belong to the group) and its
 * organizer. A short join link (`/meet/<id>`) names none of these, so they are looked up once in
 * Microsoft Graph (the OnlineMeetingSource port) and kept per group and link.
 */
import { ServiceUnavailable } from './errors';

export interface OnlineMeeting {
  /** Graph's onlineMeeting id, for /users/{organizer}/onlineMeetings/{id} */
  id: string;
  /** the meeting chat's Teams conversation id (core/join-url.ts chatConversationId), null when Graph names none */
  chatId: string | null;
  /** the organizer's Entra object id, null when Graph names none */
  organizerId: string | null;
}

export interface KnownOnlineMeeting extends OnlineMeeting {
  joinUrl: string;
}

/** `no-organizer`: the invitation names nobody to ask Graph on behalf of. */
export type OnlineMeetingProblem = 'unauthorized' | 'forbidden' | 'not-found' | 'throttled' | 'unavailable' | 'malformed' | 'no-organizer';

/** Why the online meeting could not be looked up; `userMessage` is Swedish and says what to do about it. */
export class OnlineMeetingUnavailable extends ServiceUnavailable<OnlineMeetingProblem> {
  override readonly name = 'OnlineMeetingUnavailable';
}
