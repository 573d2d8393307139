/** Who asks, in which group, and when (the activity's own timestamp: Teams' clock). */
import type { Group, IsoTime } from '../model';

export interface Actor {
  aadObjectId: string | null;
  /** Teams user id `29:…`, when the activity came from Teams */
  teamsUserId?: string | null;
  name: string;
}

export interface CommandContext {
  group: Group;
  actor: Actor;
  at: IsoTime;
}

/** What a use case answers: Swedish text for the chat, plus optional structured data for a card. */
export interface Answer<T = undefined> {
  text: string;
  /** shown as a highlighted warning (e.g. not quorate) */
  warning?: string;
  data?: T;
}
