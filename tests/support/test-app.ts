/** Starts the real server in-process on a free loopback port, on a given test store. */
import { loadConfig } from '../../bot/src/config';
import { createLogger } from '../../bot/src/logger';
import { startApp, type RunningApp } from '../../bot/src/app';
import type { StoreConnection } from '../../bot/src/store/database';

export async function startTestApp(store: StoreConnection, env: Record<string, string> = {}): Promise<RunningApp> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  return startApp(config, createLogger(config.logLevel), { store });
}
