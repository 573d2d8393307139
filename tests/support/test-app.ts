/** Starts the real server in-process on a free loopback port, on a given test store. */
import { loadConfig } from '../../bot/src/config';
import { createLogger } from '../../bot/src/logger';
import { startApp, type RunningApp } from '../../bot/src/app';
import type { StoreConnection } from '../../bot/src/store/database';

/** A rate limit no test reaches by accident. */
export const UNLIMITED_FOR_TESTS = '100000';

export async function startTestApp(store: StoreConnection, env: Record<string, string> = {}): Promise<RunningApp> {
  // No interval timer in tests: they move the scheduler's clock themselves with `app.scheduler.tick(now)`.
  // The suites replay whole meetings in seconds from one conversation and one development user, far
  // beyond the production rate limits; tests of the limits themselves pass their own (rate-limits.spec.ts).
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', SCHEDULER_INTERVAL_SECONDS: '0',
    COMMANDS_PER_MINUTE: UNLIMITED_FOR_TESTS, API_CALLS_PER_MINUTE: UNLIMITED_FOR_TESTS, ...env,
  });
  return startApp(config, createLogger(config.logLevel), { store });
}
