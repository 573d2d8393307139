/**
 * The per-conversation limit on chat commands and card actions (COMMANDS_PER_MINUTE), checked
 * before anything is parsed or stored. Beyond it the first refused message is answered in Swedish
 * and later ones in the same run are not (a flood is not answered by a flood); nothing is recorded.
 * The conversation is the channel (not each thread of it) or the chat. Teams' retry of an activity
 * carries the same id and gets the same decision as its first delivery.
 */
import type { Activity } from 'botbuilder';
import type { RateLimiter } from '../core/rate-limit';

export type CommandRefusal = { text: string | null };

export const tooManyCommands = (perMinute: number, seconds: number): string =>
  `För många kommandon i den här konversationen: högst ${perMinute} i minuten. Det här sparades inte; vänta en stund (omkring ${seconds} sekunder) och skicka det igen.`;

export class CommandRateLimit {
  constructor(private readonly limiter: RateLimiter) {}

  /** null: go ahead. Otherwise refused, with the text to answer (null: already told, stay silent). */
  check(activity: Activity): CommandRefusal | null {
    const conversation = String(activity.conversation?.id ?? '').split(';')[0]!;
    const tenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId ?? '';
    const decision = this.limiter.take(`${tenant}|${conversation}`, activity.id ?? null);
    if (decision.allowed) return null;
    return { text: decision.first ? tooManyCommands(this.limiter.perMinute, decision.retryAfterSeconds) : null };
  }
}
