/**
 * The baseline: a bare botbuilder echo bot on the same adapter (createAdapter, same configuration)
 * and the same restify server setup (createHttpServer) as Protokoll, in the same process.
 */
import type { AddressInfo } from 'node:net';
import { ActivityHandler } from 'botbuilder';
import { createAdapter } from '../bot/src/teams/adapter';
import { createHttpServer } from '../bot/src/http/server';
import { registerMessagesRoute } from '../bot/src/http/messages.route';
import type { Logger } from '../bot/src/logger';

export async function startEchoBot(logger: Logger): Promise<{ url: string; stop(): Promise<void> }> {
  const adapter = createAdapter(null, logger);
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`Du skrev: ${context.activity.text}`);
    await next();
  });
  const server = createHttpServer(logger);
  registerMessagesRoute(server, { logger, receive: (body, authorization) => adapter.receive(body, authorization, (context) => bot.run(context)) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return { url, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
