import type { RunningApp } from '../../../bot/src/app';
import { BotConnectorServer } from '../../support/bot-connector.server';
import { openPgliteClone } from '../../support/stores';
import { startTestApp } from '../../support/test-app';
import { deliver, TeamsChannel } from '../../support/teams-activities';

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    const connector = await new BotConnectorServer().start();
    const store = await openPgliteClone();
    const app: RunningApp = await startTestApp(store);
    const channel = new TeamsChannel({ teamId: '19:t@thread.tacv2', teamName: 'LSVO', channelId: '19:c@thread.tacv2' }, connector.url);
    try {
      connector.delayMs = 700; // the bot's reply to Teams is slow: the turn is in flight when stop begins
      const inFlight = deliver(app.url, channel.install('2024-02-16T07:00:00.000Z'));
      await connector.waitForMessages(1);
      const stopped = app.stop();
      const response = await inFlight;
      expect(response.status).toBe(200);
      await stopped;
      await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
    } finally {
      await app.stop();
      await store.close();
      await connector.stop();
    }
  });
});
