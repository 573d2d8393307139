/** The sliding one-minute window behind both rate limits, on a clock the test moves. */
import { RateLimiter } from '../../../bot/src/core/rate-limit';

describe('RateLimiter', () => {
  let now = 1_000_000;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('admits perMinute uses in any 60 seconds, then refuses until the oldest leaves the window', () => {
    const limiter = new RateLimiter(3, clock);
    expect(limiter.take('k')).toEqual({ allowed: true });
    now += 10_000;
    expect(limiter.take('k')).toEqual({ allowed: true });
    expect(limiter.take('k')).toEqual({ allowed: true });
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 50, first: true });
    now += 49_999;
    expect(limiter.take('k')).toMatchObject({ allowed: false, retryAfterSeconds: 1, first: false });
    now += 1;
    expect(limiter.take('k')).toEqual({ allowed: true });
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 10, first: true });
  });

  it('counts each key on its own', () => {
    const limiter = new RateLimiter(1, clock);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('gives a repeated id the decision its first delivery got, without using the window', () => {
    const limiter = new RateLimiter(2, clock);
    expect(limiter.take('k', 'a1')).toEqual({ allowed: true });
    expect(limiter.take('k', 'a1')).toEqual({ allowed: true });
    expect(limiter.take('k', 'a2')).toEqual({ allowed: true });
    expect(limiter.take('k', 'a3')).toMatchObject({ allowed: false, first: true });
    // the refused one, sent again, is refused again but not told again
    expect(limiter.take('k', 'a3')).toMatchObject({ allowed: false, first: false });
    expect(limiter.take('k', 'a1')).toEqual({ allowed: true });
  });

  it('keeps at most maxKeys keys, forgetting the oldest', () => {
    const limiter = new RateLimiter(1, clock, 2);
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(limiter.take('a').allowed).toBe(true); // 'a' was forgotten
    expect(limiter.take('c').allowed).toBe(false);
  });
});
