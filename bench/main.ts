/**
 * `npm run bench`: one run, one table, on PGlite and on the PostgreSQL server (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test in a fresh schema that is dropped afterwards). Everything
 * on loopback: the real server, a Bot Connector stand-in, and a bare echo bot as the baseline.
 * The table is printed and written to bench/results.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../bot/src/config';
import { createLogger } from '../bot/src/logger';
import { startApp } from '../bot/src/app';
import { benchStores, type BenchStore } from './stores';
import { startEchoBot } from './echo-bot';
import { roundTrips, statementsPerCommand } from './round-trip';
import { joinsAlone, meetingsLoad } from './meetings-load';
import { recordLongMeeting, renderTimes } from './render';
import { ACTION_COUNTS, actionListTimes, seedActions, type ActionListResult } from './action-list';
import type { StoreConnection } from '../bot/src/store/database';
import { BotConnectorServer, groupInMeeting, mustDeliver, secretary, tick, type TeamsChannel } from './teams';
import { DbMeter } from './db-meter';
import { profiled } from './cpu-profile';
import { speedProbe, underLoad } from './machine';
import { explanations, historyTable, historyTargetLines, roundTripTable, table, targetLines, LOAD, LOAD_REPEATS, PROFILED_COMMANDS, type StoreResult } from './table';
import { PGLITE_SCALE, REGION_SCALE, tenYears } from './ten-years';
import { parseTable, parseTimes } from './parsing';
import { CALENDAR_GROUPS, calendarFollow, calendarLines, type CalendarFollowResult } from './calendar-follow';

/** The action list of one group at each size in ACTION_COUNTS, the group growing from one to the next. */
async function actionLists(url: string, store: StoreConnection, groupName: string, log: (what: string) => void): Promise<ActionListResult[]> {
  const group = await store.db.selectFrom('groups').select('id').where('name', '=', groupName).executeTakeFirstOrThrow();
  const results: ActionListResult[] = [];
  let seeded = 0;
  for (const count of ACTION_COUNTS) {
    log(`åtgärdslista: ${count.toLocaleString('sv-SE')} åtgärder`);
    await seedActions(store, group.id, seeded, count);
    seeded = count;
    results.push(await actionListTimes(url, store, group.id, count, { rounds: 40, minimum: 10, budgetMs: 20_000 }));
  }
  return results;
}

/** The server as the bench runs it: on loopback, quiet, no scheduler. */
function benchConfig() {
  return loadConfig({
    PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SCHEDULER_INTERVAL_SECONDS: '0',
    // The bench drives one conversation and one tab user far harder than the production rate limits allow.
    COMMANDS_PER_MINUTE: '1000000', API_CALLS_PER_MINUTE: '1000000',
  });
}

/**
 * Commands one after the other, Protokoll and the echo bot taking turns, on eight channels with a
 * running meeting; then each typical command once, for the statements it sends.
 */
async function commandRoundTrips(appUrl: string, echoUrl: string, floor: { url: string; meter: DbMeter }, connector: BotConnectorServer, meter: DbMeter) {
  const clients = await Promise.all(Array.from({ length: 8 }, (_, i) => groupInMeeting(appUrl, connector, `rt${i}`, 10)));
  // A new meeting every 60 commands (20 items): agendas stay the size real meetings have.
  const newMeeting = async (channel: (typeof clients)[number], i: number) => {
    if (i === 0 || i % 60 !== 0) return;
    await mustDeliver(appUrl, channel.message(secretary, 'avsluta', tick()));
    await mustDeliver(appUrl, channel.message(secretary, 'starta', tick()));
  };
  const measured = await underLoad(() => roundTrips(
    [{ url: appUrl, between: newMeeting, meter, connector }, { url: echoUrl, connector }, { url: floor.url, meter: floor.meter, connector }],
    clients,
    { warmup: 30, sequential: 300, concurrentPerClient: 40 },
  ));
  const typical = await statementsPerCommand(appUrl, await groupInMeeting(appUrl, connector, 'satser', 10), meter);
  // Where a command's time goes, from this run's own profile: Protokoll's commands alone, one after
  // another, in a meeting of their own — as many as the loop above sends before it closes a meeting,
  // so no closing (and no draft rendered) falls inside the profile.
  const profiling = await groupInMeeting(appUrl, connector, 'profil', 10);
  const profile = await profiled(() => roundTrips([{ url: appUrl }], [profiling], { warmup: 0, sequential: PROFILED_COMMANDS, concurrentPerClient: 0 }));
  return { ...measured, typical, profile: profile.shares };
}

async function runOn(benchStore: BenchStore): Promise<StoreResult> {
  let opened;
  try {
    opened = await benchStore.open();
  } catch (error) {
    return { store: benchStore.name, unavailable: error instanceof Error ? error.message : String(error) };
  }
  const logger = createLogger('silent');
  const config = benchConfig();
  const meter = new DbMeter();
  const connector = await new BotConnectorServer().start();
  const app = await startApp(config, logger, { store: meter.measure(opened.store) });
  const echo = await startEchoBot(logger);
  const floorMeter = new DbMeter();
  const floor = await startEchoBot(logger, floorMeter.measure(opened.store));
  let phaseStarted = Date.now();
  const log = (what: string) => {
    process.stderr.write(`[${benchStore.name}] ${what} (${((Date.now() - phaseStarted) / 1000).toFixed(0)} s sedan förra steget)\n`);
    phaseStarted = Date.now();
  };
  try {
    log('kommandon tur och retur');
    const commands = await commandRoundTrips(app.url, echo.url, { url: floor.url, meter: floorMeter }, connector, meter);
    const [ours, echoed, floored] = commands.value;

    log(`${LOAD.meetings} möten × ${LOAD.participants} deltagare`);
    const meetings: TeamsChannel[] = [];
    for (let i = 0; i < LOAD.meetings; i += 5) {
      meetings.push(...(await Promise.all([0, 1, 2, 3, 4].map((j) => groupInMeeting(app.url, connector, `load${i + j}`, LOAD.participants)))));
    }
    const alone = await joinsAlone(app.url, await groupInMeeting(app.url, connector, 'solo', LOAD.participants), LOAD.participants);
    const load = await underLoad(() => meetingsLoad(app.url, meetings, LOAD.participants, LOAD.commandsPerMinute, LOAD.seconds));
    // Twice more, the same meetings again: whether p99 holds run after run, not just once.
    const loadSpread = [load.value.all.p99];
    for (let i = 2; i <= LOAD_REPEATS; i++) {
      log(`${LOAD.meetings} möten, upprepning ${i} av ${LOAD_REPEATS}`);
      loadSpread.push((await meetingsLoad(app.url, meetings, LOAD.participants, LOAD.commandsPerMinute, LOAD.seconds)).all.p99);
    }

    log('rendering');
    const long = await groupInMeeting(app.url, connector, 'render', 10);
    await recordLongMeeting(app.url, long);
    const render = await renderTimes(opened.store, 'Bänkgrupp render', 10);

    const actions = await underLoad(() => actionLists(app.url, opened.store, 'Bänkgrupp render', log));
    const history = await tenYears(app.url, connector, opened.store, benchStore.name === 'PostgreSQL' ? REGION_SCALE : PGLITE_SCALE, log);
    log('klar');
    return {
      store: benchStore.name, ours, echo: echoed, floor: floored, commandsMachine: commands.machine, statementsPerCommand: commands.typical, commandProfile: commands.profile,
      load: load.value, loadMachine: load.machine, loadSpread, joinAlone: alone, render, actions: actions.value, actionsMachine: actions.machine, history,
    };
  } finally {
    await echo.stop();
    await floor.stop();
    await app.stop();
    await connector.stop();
    await opened.dispose();
  }
}

/**
 * `BENCH_ONLY=actions npm run bench`: the action list alone on both stores, printed and not written
 * to results.md (a quick check while working on the list; the table needs a whole run).
 */
async function actionsOnly(databaseUrl: string): Promise<number> {
  for (const benchStore of benchStores(databaseUrl)) {
    const opened = await benchStore.open();
    const connector = await new BotConnectorServer().start();
    const app = await startApp(benchConfig(), createLogger('silent'), { store: opened.store });
    try {
      await recordLongMeeting(app.url, await groupInMeeting(app.url, connector, 'render', 10));
      const log = (what: string) => process.stderr.write(`[${benchStore.name}] ${what}\n`);
      for (const result of await actionLists(app.url, opened.store, 'Bänkgrupp render', log)) {
        console.log(`${benchStore.name}, ${result.actions} åtgärder: p50 ${result.latency.p50.toFixed(1)} / p95 ${result.latency.p95.toFixed(1)} ms; läsa och mappa ${result.useCase.p50.toFixed(1)} ms`);
        for (const k of result.byKind) console.log(`  ${k.kind}: p50 ${k.latency.p50.toFixed(1)} / p95 ${k.latency.p95.toFixed(1)}`);
      }
    } finally {
      await app.stop();
      await connector.stop();
      await opened.dispose();
    }
  }
  return 0;
}

/** `BENCH_ONLY=ten-years npm run bench`: the ten-year figures alone on both stores, printed with their target lines. */
async function tenYearsOnly(databaseUrl: string): Promise<number> {
  const results: StoreResult[] = [];
  for (const benchStore of benchStores(databaseUrl)) {
    const opened = await benchStore.open();
    const connector = await new BotConnectorServer().start();
    const app = await startApp(benchConfig(), createLogger('silent'), { store: opened.store });
    try {
      const log = (what: string) => process.stderr.write(`[${benchStore.name}] ${what}\n`);
      const history = await tenYears(app.url, connector, opened.store, benchStore.name === 'PostgreSQL' ? REGION_SCALE : PGLITE_SCALE, log);
      results.push({ store: benchStore.name, history });
    } finally {
      await app.stop();
      await connector.stop();
      await opened.dispose();
    }
  }
  console.log(historyTable(results).join('\n'));
  console.log(results.flatMap((r) => (r.history ? historyTargetLines(r.store.toLowerCase(), r.history) : [])).join('\n'));
  return 0;
}

/**
 * Graph requests per group and hour for calendars followed by their changes (a count, not a time:
 * run once, on PGlite). `BENCH_ONLY=calendar npm run bench` prints it alone.
 */
async function calendarRequests(databaseUrl: string): Promise<CalendarFollowResult> {
  const [pglite] = benchStores(databaseUrl);
  const opened = await pglite!.open();
  try {
    return await calendarFollow(opened.store, CALENDAR_GROUPS, (what) => process.stderr.write(`[${pglite!.name}] ${what}\n`));
  } finally {
    await opened.dispose();
  }
}

/**
 * `BENCH_ONLY=round-trip npm run bench`: the command round trips alone on both stores (statements
 * per command, ratio against the echo bot), printed and not written to results.md.
 */
async function roundTripOnly(databaseUrl: string): Promise<number> {
  const results: StoreResult[] = [];
  for (const benchStore of benchStores(databaseUrl)) {
    const opened = await benchStore.open();
    const meter = new DbMeter();
    const logger = createLogger('silent');
    const connector = await new BotConnectorServer().start();
    const app = await startApp(benchConfig(), logger, { store: meter.measure(opened.store) });
    const echo = await startEchoBot(logger);
    const floorMeter = new DbMeter();
    const floor = await startEchoBot(logger, floorMeter.measure(opened.store));
    try {
      process.stderr.write(`[${benchStore.name}] kommandon tur och retur\n`);
      const commands = await commandRoundTrips(app.url, echo.url, { url: floor.url, meter: floorMeter }, connector, meter);
      const [ours, echoed, floored] = commands.value;
      results.push({ store: benchStore.name, ours, echo: echoed, floor: floored, commandsMachine: commands.machine, statementsPerCommand: commands.typical, commandProfile: commands.profile });
    } finally {
      await echo.stop();
      await floor.stop();
      await app.stop();
      await connector.stop();
      await opened.dispose();
    }
  }
  console.log(roundTripTable(results));
  return 0;
}

export async function main(): Promise<number> {
  const started = Date.now();
  const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  if (process.env.BENCH_ONLY === 'actions') return actionsOnly(databaseUrl);
  if (process.env.BENCH_ONLY === 'ten-years') return tenYearsOnly(databaseUrl);
  if (process.env.BENCH_ONLY === 'calendar') {
    const calendar = calendarLines(await calendarRequests(databaseUrl));
    console.log([...calendar.text, '', calendar.target].join('\n'));
    return 0;
  }
  if (process.env.BENCH_ONLY === 'round-trip') return roundTripOnly(databaseUrl);
  // Before any part of the whole run, so nothing else of the bench competes with it.
  const speed = speedProbe();
  const results: StoreResult[] = [];
  for (const store of benchStores(databaseUrl)) results.push(await runOn(store));
  const calendar = calendarLines(await calendarRequests(databaseUrl));
  process.stderr.write('tolkning av fientlig text\n');
  const parsing = parseTimes();
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const machine = `${os.cpus().length} kärnor (${os.cpus()[0]?.model.trim()}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; maskinens fart: en fast JavaScript-uppgift (machine.ts, speedProbe) tog ${speed.toFixed(0)} ms, lägre är snabbare`;
  const text = [
    '# Prestanda (`npm run bench`)',
    '',
    `En körning på loopback: ${machine}; ${seconds} s. Servern, Bot Connector-ersättaren, eko-boten och klienterna`,
    `delar samma process och maskin. De ${LOAD.meetings} mötena pågår samtidigt; deras anslutningar börjar utspridda över de`,
    `första ${LOAD.seconds / 2} s av ett fönster på ${LOAD.seconds} s, och varje mötes ${LOAD.participants} deltagare ansluter inom 1 s.`,
    'Belastningen anges som 1-minuts load average före → efter delen, och hur många kärnor processen själv använde.',
    '',
    table(results),
    ...results.filter((r) => r.unavailable).map((r) => `\n${r.store} kunde inte nås: ${r.unavailable}`),
    ...explanations(results),
    ...historyTable(results),
    ...calendar.text,
    '',
    '## Tolkning av fientlig text',
    '',
    'Varje tolkare av text som en avsändare skrivit får omkring 1 MiB fientlig text per fall (mellanslag i tusental, taggar och',
    'kommentarer som aldrig stängs, parenteser som aldrig slutar, tiotusentals rader; se tests/support/adversarial-text.ts, vars',
    'resultat enhetstesterna kontrollerar). Tabellen visar det långsammaste fallet per tolkare. Chatten avvisar meddelanden över',
    '28 000 tecken innan något tolkas; kallelser från Graph har ingen sådan gräns.',
    '',
    parseTable(parsing),
  ].join('\n');
  // Last, one line per target, for scripts: `target <name>: <value> <unit> (goal <goal>) ok|missed`.
  const targets = [...targetLines(results), calendar.target];
  console.log(text);
  console.log(['', ...targets].join('\n'));
  const recorded = [text, '', '## Målen, maskinläsbart', '', '```', ...targets, '```'].join('\n');
  fs.writeFileSync(path.join(__dirname, '..', 'results.md'), `${recorded}\n`);
  return 0;
}
