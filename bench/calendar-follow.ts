/**
 * Graph requests per group and hour when calendars are followed by their changes: N groups, each
 * with its calendar in its own organiser's mailbox (20 events over the fortnight, one of them the
 * group's Teams meeting) on the Graph stand-in, the real server and scheduler, and a simulated hour
 * of runs at the default interval (SCHEDULER_INTERVAL_SECONDS, 300 s). During the hour a tenth of
 * the organisers edit the group's meeting and a twentieth book something new. The first run, a new
 * round for every calendar (what each run cost when the whole view was read), is reported apart.
 */
import { loadConfig } from '../bot/src/config';
import { createLogger } from '../bot/src/logger';
import { startApp } from '../bot/src/app';
import type { StoreConnection } from '../bot/src/store/database';
import { EntraTokenServer } from '../tests/support/entra-token.server';
import { GraphTestServer, type GraphCall } from '../tests/support/graph.server';
import { BotConnectorServer, mustDeliver, secretary, TeamsChannel } from './teams';

export const CALENDAR_GROUPS = 200;
/** One request per run at the default 300 s interval: never more than reading one page of the whole view. */
export const CALENDAR_GOAL = 12;
const INTERVAL_S = 300;
const EVENTS_PER_CALENDAR = 20;
const HOUR_MS = 3_600_000;
/** the hour simulated: a Monday morning, so no new round (a new day) falls inside it */
const HOUR_STARTS = Date.parse('2025-03-03T08:00:00.000Z');

export interface CalendarFollowResult {
  groups: number;
  intervalSeconds: number;
  /** the first run: a new round for every calendar */
  firstRun: { requestsPerGroup: number; kilobytesPerGroup: number };
  /** the simulated hour after it */
  hour: { requestsPerGroup: number; kilobytesPerGroup: number; runs: number };
}

const utc = (ms: number) => ({ dateTime: new Date(ms).toISOString().replace('Z', '0000'), timeZone: 'UTC' });

/** An organiser's fortnight: meetings every working day, the group's Teams meeting on Thursday. */
function mailbox(n: number): any[] {
  return Array.from({ length: EVENTS_PER_CALENDAR }, (_, i) => {
    const start = HOUR_STARTS + Math.floor(i / 2) * 24 * HOUR_MS + (i % 2) * 4 * HOUR_MS + HOUR_MS;
    const teams = i === 7;
    return {
      '@odata.etag': `W/"${n}-${i}"`, id: `AAMkBENCH_${n}_${i}=`, subject: teams ? `Bänkgrupp ${n} – sammanträde` : `Möte ${i}`,
      isCancelled: false, isOnlineMeeting: teams, onlineMeeting: teams ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_bench${n}%40thread.v2/0` } : null,
      start: utc(start), end: utc(start + HOUR_MS), location: { displayName: teams ? 'Microsoft Teams-möte' : 'Rum 2' },
      body: { contentType: 'html', content: teams ? '<ol><li>Godkännande av dagordning</li><li>Budget (B)</li></ol>' : '' },
      organizer: { emailAddress: { name: `Organisatör ${n}`, address: organiser(n) } }, attendees: [],
    };
  });
}
const organiser = (n: number) => `organisator${n}@bench.example.se`;

const kilobytes = (calls: GraphCall[]) => calls.reduce((sum, c) => sum + (c.bytes ?? 0), 0) / 1024;

export async function calendarFollow(store: StoreConnection, groups: number, log: (what: string) => void): Promise<CalendarFollowResult> {
  const entra = new EntraTokenServer();
  const graph = new GraphTestServer();
  const connector = await new BotConnectorServer().start();
  await entra.start();
  await graph.start();
  graph.pageSize = 50; // Graph honours Prefer: odata.maxpagesize=50
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SCHEDULER_INTERVAL_SECONDS: '0',
    COMMANDS_PER_MINUTE: '1000000', API_CALLS_PER_MINUTE: '1000000', ...entra.env(graph.url),
  });
  const app = await startApp(config, createLogger('silent'), { store });
  try {
    log(`kalendrar: ${groups} grupper kopplas`);
    for (let n = 0; n < groups; n++) {
      graph.setCalendar('users', organiser(n), mailbox(n));
      const channel = new TeamsChannel({ teamId: `19:kal${n}-team@thread.tacv2`, teamName: `Kalendergrupp ${n}`, channelId: `19:kal${n}@thread.tacv2` }, connector.url);
      await mustDeliver(app.url, channel.install('2025-03-01T07:00:00.000Z'));
      await mustDeliver(app.url, channel.message(secretary, `kalender användare ${organiser(n)}`, '2025-03-01T07:01:00.000Z'));
    }
    const reads = () => graph.calendarReads();
    let before = reads().length;
    await app.scheduler.tick(new Date(HOUR_STARTS - INTERVAL_S * 1000).toISOString());
    const first = reads().slice(before);
    log('kalendrar: en simulerad timme');
    before = reads().length;
    const runs = HOUR_MS / (INTERVAL_S * 1000);
    for (let run = 0; run < runs; run++) {
      const at = HOUR_STARTS + run * INTERVAL_S * 1000;
      if (run === runs / 2) {
        for (let n = 0; n < groups; n += 10) graph.updateEvent('users', organiser(n), `AAMkBENCH_${n}_7=`, { subject: `Bänkgrupp ${n} – sammanträde (ändrat)` });
        for (let n = 0; n < groups; n += 20) {
          graph.setCalendar('users', organiser(n), [...graph.calendars.get(`users/${organiser(n)}`)!, { ...mailbox(n)[0], id: `AAMkBENCH_${n}_new=`, subject: 'Nytt möte' }]);
        }
      }
      await app.scheduler.tick(new Date(at).toISOString());
    }
    const hour = reads().slice(before);
    return {
      groups, intervalSeconds: INTERVAL_S,
      firstRun: { requestsPerGroup: first.length / groups, kilobytesPerGroup: kilobytes(first) / groups },
      hour: { requestsPerGroup: hour.length / groups, kilobytesPerGroup: kilobytes(hour) / groups, runs },
    };
  } finally {
    await app.stop();
    await connector.stop();
    await graph.stop();
    await entra.stop();
  }
}

/** The section of results.md and the target line. */
export function calendarLines(result: CalendarFollowResult): { text: string[]; target: string } {
  const perHour = result.hour.requestsPerGroup;
  const ok = perHour <= CALENDAR_GOAL;
  return {
    text: [
      '', '## Kalendrar: Graph-anrop per grupp och timme', '',
      `${result.groups} grupper, var och en med sin organisatörs kalender (${EVENTS_PER_CALENDAR} händelser på två veckor) på Graph-ersättaren,`,
      `schemaläggaren var ${result.intervalSeconds}:e s under en simulerad timme (${result.hour.runs} körningar); en tiondel av mötena ändras och en`,
      'tjugondel av kalendrarna får en ny händelse under timmen.', '',
      '| | anrop per grupp | kB per grupp |', '|---|---:|---:|',
      `| första körningen (ny omgång: hela fönstret) | ${result.firstRun.requestsPerGroup.toFixed(2)} | ${result.firstRun.kilobytesPerGroup.toFixed(1)} |`,
      `| en timme därefter (bara ändringar) | ${result.hour.requestsPerGroup.toFixed(2)} | ${result.hour.kilobytesPerGroup.toFixed(1)} |`,
      `| som att läsa hela vyn vid varje körning (första körningen × ${result.hour.runs}) | ${(result.firstRun.requestsPerGroup * result.hour.runs).toFixed(2)} | ${(result.firstRun.kilobytesPerGroup * result.hour.runs).toFixed(1)} |`,
      `| ${result.groups} grupper, per timme | ${(result.hour.requestsPerGroup * result.groups).toFixed(0)} | ${(result.hour.kilobytesPerGroup * result.groups).toFixed(0)} |`,
    ],
    target: `target calendar.requests-per-group-hour: ${Number(perHour.toFixed(2))} requests (goal <= ${CALENDAR_GOAL}) ${ok ? 'ok' : 'missed'}`,
  };
}
