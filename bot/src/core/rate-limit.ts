/**
 * A sliding one-minute window per key (a conversation, a tab user): at most `perMinute` uses in
 * any 60 seconds. It protects the server and the record from a script or a loop, not from a person
 * typing: the limits are far above what a meeting needs (README, "Säkerhet").
 *
 * The counts live in this process's memory on purpose: they say nothing about the protokoll (so the
 * rule that all state is in the database does not apply), they must cost no database round trip on
 * the way in, and losing them on a restart is harmless. With several instances each counts its own.
 *
 * A repeat of the same `id` (Teams resending an activity it got no answer to) is not a new use: it
 * gets the decision the first delivery got, so a retry neither uses up the window nor is answered
 * twice. Only the first refusal of a run is `first`, so a flood is told once, not once per message.
 */

export type RateDecision =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; first: boolean };

const WINDOW_MS = 60_000;
/** ids remembered per key at most (a flood of distinct ids must not grow the memory without bound) */
const MAX_SEEN = 1_000;

interface KeyState {
  /** when each admitted use happened, oldest first */
  hits: number[];
  /** ids seen in the window, with the decision they got */
  seen: Map<string, { at: number; decision: RateDecision }>;
  /** a refusal has been told since the last admitted use */
  told: boolean;
}

export class RateLimiter {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    readonly perMinute: number,
    private readonly clock: () => number = Date.now,
    /** keys kept at most: the oldest are forgotten first, so memory stays bounded whatever the senders */
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string, id?: string | null): RateDecision {
    const now = this.clock();
    const state = this.state(key, now);
    const earlier = id ? state.seen.get(id) : undefined;
    if (earlier) return earlier.decision.allowed ? earlier.decision : { ...earlier.decision, first: false };
    let decision: RateDecision;
    if (state.hits.length < this.perMinute) {
      state.hits.push(now);
      state.told = false;
      decision = { allowed: true };
    } else {
      decision = { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((state.hits[0]! + WINDOW_MS - now) / 1000)), first: !state.told };
      state.told = true;
    }
    if (id) {
      state.seen.set(id, { at: now, decision });
      if (state.seen.size > MAX_SEEN) state.seen.delete(state.seen.keys().next().value!);
    }
    return decision;
  }

  private state(key: string, now: number): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      if (this.keys.size >= this.maxKeys) this.keys.delete(this.keys.keys().next().value!);
      state = { hits: [], seen: new Map(), told: false };
      this.keys.set(key, state);
    }
    const since = now - WINDOW_MS;
    while (state.hits.length > 0 && state.hits[0]! <= since) state.hits.shift();
    for (const [id, entry] of state.seen) {
      if (entry.at > since) break; // insertion order is time order
      state.seen.delete(id);
    }
    return state;
  }
}
