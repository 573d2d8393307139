/**
 * The scheduler's pass over all groups (MeetingScheduler.tick): each group's calendar read from
 * Microsoft Graph and followed into the database, then the jobs over all groups (attendance
 * reports, justering reminders, agenda timers). Graph and Entra ID are the loopback stand-ins the
 * tests use, speaking their documented wire format; the pass runs in a second server instance on
 * the same database, configured for Graph, as a second App Service instance would.
 */
import { sql } from 'kysely';
import { loadConfig } from '../bot/src/config';
import { createLogger } from '../bot/src/logger';
import { startApp, type RunningApp } from '../bot/src/app';
import type { StoreConnection } from '../bot/src/store/database';
import { EntraTokenServer } from '../tests/support/entra-token.server';
import { GraphTestServer } from '../tests/support/graph.server';
import { summarise, timed, type Summary } from './stats';

export interface SchedulerInstance {
  /** one pass, as the interval timer runs it */
  pass(): Promise<void>;
  /** Microsoft 365 group calendars that Graph has (empty: no meeting is due) */
  addCalendars(ids: readonly string[]): void;
  stop(): Promise<void>;
}

export async function startSchedulerInstance(store: StoreConnection): Promise<SchedulerInstance> {
  const entra = new EntraTokenServer();
  const graph = new GraphTestServer();
  await Promise.all([entra.start(), graph.start()]);
  let app: RunningApp;
  try {
    // No interval timer: the bench runs each pass itself, so no pass overlaps a measured one.
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SCHEDULER_INTERVAL_SECONDS: '0', ...entra.env(graph.url) });
    app = await startApp(config, createLogger('silent'), { store });
  } catch (error) {
    await Promise.all([entra.stop(), graph.stop()]);
    throw error;
  }
  return {
    pass: async () => {
      const report = await app.scheduler.tick(new Date().toISOString());
      if (report.problems) throw new Error(`scheduler pass: ${report.problems} problems`);
      // Graph's calls are kept for tests' assertions; the bench does not need them piling up.
      graph.calls.length = 0;
    },
    addCalendars: (ids) => {
      for (const id of ids) graph.setCalendar('groups', id, []);
    },
    stop: async () => {
      await app.stop();
      await Promise.all([entra.stop(), graph.stop()]);
    },
  };
}

/** Every group reads its meetings from its Microsoft 365 group calendar, which Graph has (empty: no meeting is due). */
export async function linkEveryCalendar(store: StoreConnection, scheduler: SchedulerInstance): Promise<number> {
  await sql`insert into calendar_links (group_id, kind, calendar_id)
    select id, 'group', id::text from groups on conflict (group_id) do nothing`.execute(store.db);
  const linked = await sql<{ calendar_id: string }>`select calendar_id from calendar_links`.execute(store.db);
  scheduler.addCalendars(linked.rows.map((r) => r.calendar_id));
  return linked.rows.length;
}

/** `rounds` passes after two warm-up ones. */
export async function passTimes(scheduler: SchedulerInstance, rounds = 10): Promise<Summary> {
  await scheduler.pass();
  await scheduler.pass();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) samples.push(await timed(() => scheduler.pass()));
  return summarise(samples);
}
