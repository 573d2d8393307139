/**
 * The baseline: a bare botbuilder echo bot on the same adapter (createAdapter, same configuration)
 * and the same restify server setup (createHttpServer) as Protokoll, in the same process.
 *
 * Given the store, it is the floor of a command instead: the echo bot that first runs one
 * transaction with as many statements as a typical command sends (one write, the rest reads, each
 * prepared as Protokoll's are), doing none of Protokoll's work. What a command costs above the
 * floor is Protokoll's own; the floor against the bare echo bot is what any bot pays that keeps
 * each command in a transaction on this database.
 */
import type { AddressInfo } from 'node:net';
import { ActivityHandler } from 'botbuilder';
import { createAdapter } from '../bot/src/teams/adapter';
import { createHttpServer } from '../bot/src/http/server';
import { registerMessagesRoute } from '../bot/src/http/messages.route';
import type { Logger } from '../bot/src/logger';
import { sql } from 'kysely';
import type { StoreConnection } from '../bot/src/store/database';

/** statements in the floor's transaction besides BEGIN and COMMIT: those of a typical command (`beslut`, `åtgärd`) */
export const FLOOR_STATEMENTS = 4;

export async function startEchoBot(logger: Logger, floorOn?: StoreConnection): Promise<{ url: string; stop(): Promise<void> }> {
  if (floorOn) await sql`create table if not exists bench_floor (text text not null, at timestamptz not null)`.execute(floorOn.db);
  const adapter = createAdapter(null, logger);
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    if (floorOn) await floorTransaction(floorOn, context.activity.text);
    await context.sendActivity(`Du skrev: ${context.activity.text}`);
    await next();
  });
  const server = createHttpServer(logger);
  registerMessagesRoute(server, { logger, receive: (body, authorization) => adapter.receive(body, authorization, (context) => bot.run(context)) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return { url, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function floorTransaction(store: StoreConnection, text: string): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await sql`insert into bench_floor (text, at) values (${text}, ${new Date()})`.execute(trx);
    for (let i = 1; i < FLOOR_STATEMENTS; i++) await sql`select count(*) from bench_floor where at > ${new Date()}`.execute(trx);
  });
}
