/**
 * The wire-level setup most bot tests share: the real server on a test store and a Bot Connector on
 * loopback, started before the suite and stopped after it. Use `wire.app` / `wire.connector` inside
 * tests (they exist once `beforeAll` has run).
 */
import type { RunningApp } from '../../bot/src/app';
import type { StoreConnection } from '../../bot/src/store/database';
import { BotConnectorServer } from './bot-connector.server';
import { startTestApp } from './test-app';

export interface Wire {
  connector: BotConnectorServer;
  app: RunningApp;
}

/** `env` may be a function, read once the suite's other servers (say, an Entra stand-in) have started. */
export function useWire(store: () => StoreConnection, env: Record<string, string> | (() => Record<string, string>) = {}): Wire {
  const wire = { connector: new BotConnectorServer(), app: undefined as unknown as RunningApp };
  beforeAll(async () => {
    await wire.connector.start();
    wire.app = await startTestApp(store(), typeof env === 'function' ? env() : env);
  });
  afterAll(async () => {
    await wire.app?.stop();
    await wire.connector.stop();
  });
  return wire;
}
