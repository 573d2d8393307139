/** Who asks, in which group, and when (the activity's own timestamp: Teams' clock). */
import type { Group, IsoTime } from '../model';
import type { DomainEvent } from '../ports';

export interface Actor {
  aadObjectId: string | null;
  /** Teams user id `29:…`, when the activity came from Teams */
  teamsUserId?: string | null;
  name: string;
  /** the e-mail/UPN Teams reports for the account, asked for only when the sender is not yet known */
  email?: string | null;
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
  /** what people outside this conversation must see (delivered after the transaction commits) */
  events?: DomainEvent[];
}
