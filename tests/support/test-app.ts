/** Starts the real server in-process on a free loopback port, on a given test store. */
import { loadConfig } from '../../bot/src/config';
import { createLogger } from '../../bot/src/logger';
import { startApp, type RunningApp } from '../../bot/src/app';
import type { StoreConnection } from '../../bot/src/store/database';

export async function startTestApp(store: StoreConnection, env: Record<string, string> = {}): Promise<RunningApp> {
  // No interval timer in tests: they move the scheduler's clock themselves with `app.scheduler.tick(now)`.
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', SCHEDULER_INTERVAL_SECONDS: '0', ...env });
  return startApp(config, createLogger(config.logLevel), { store });
}
