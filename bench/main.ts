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
import { commandAt, roundTrip, type RoundTrip } from './round-trip';
import { meetingsLoad, type LoadResult } from './meetings-load';
import { recordLongMeeting, renderTimes, RENDER_PARAGRAPHS } from './render';
import { ACTION_COUNT, actionListTimes, seedActions } from './action-list';
import { BotConnectorServer, groupInMeeting, mustDeliver, secretary, tick } from './teams';
import { ms, type Summary } from './stats';

const MEETINGS = 50;
const PARTICIPANTS = 30;
const COMMANDS_PER_MINUTE = 10;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 40);

interface StoreResult {
  store: BenchStore['name'];
  unavailable?: string;
  ours?: RoundTrip;
  echo?: RoundTrip;
  load?: LoadResult;
  render?: { docx: Summary; html: Summary; paragraphs: number };
  actions?: { latency: Summary; bytes: number };
}

async function runOn(benchStore: BenchStore): Promise<StoreResult> {
  let opened;
  try {
    opened = await benchStore.open();
  } catch (error) {
    return { store: benchStore.name, unavailable: error instanceof Error ? error.message : String(error) };
  }
  const logger = createLogger('silent');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SCHEDULER_INTERVAL_SECONDS: '0' });
  const connector = await new BotConnectorServer().start();
  const app = await startApp(config, logger, { store: opened.store });
  const echo = await startEchoBot(logger);
  try {
    const log = (what: string) => process.stderr.write(`[${benchStore.name}] ${what}\n`);
    log('kommandon tur och retur');
    const clients = await Promise.all(Array.from({ length: 8 }, (_, i) => groupInMeeting(app.url, connector, `rt${i}`, 10)));
    // A new meeting every 60 commands (20 items): agendas stay the size real meetings have.
    const newMeeting = async (channel: (typeof clients)[number], i: number) => {
      if (i === 0 || i % 60 !== 0) return;
      await mustDeliver(app.url, channel.message(secretary, 'avsluta', tick()));
      await mustDeliver(app.url, channel.message(secretary, 'starta', tick()));
    };
    const shape = { warmup: 30, sequential: 300, concurrentPerClient: 40 };
    const ours = await roundTrip(app.url, clients, commandAt, { ...shape, between: newMeeting });
    const echoed = await roundTrip(echo.url, clients, commandAt, shape);

    log(`${MEETINGS} möten × ${PARTICIPANTS} deltagare`);
    const meetings = [];
    for (let i = 0; i < MEETINGS; i += 5) {
      meetings.push(...(await Promise.all([0, 1, 2, 3, 4].map((j) => groupInMeeting(app.url, connector, `load${i + j}`, PARTICIPANTS)))));
    }
    const load = await meetingsLoad(app.url, meetings, PARTICIPANTS, COMMANDS_PER_MINUTE, LOAD_SECONDS);

    log('rendering');
    const long = await groupInMeeting(app.url, connector, 'render', 10);
    await recordLongMeeting(app.url, long);
    const render = await renderTimes(opened.store, 'Bänkgrupp render', 10);

    log('åtgärdslista');
    const groupId = await seedActions(opened.store, 'Bänkgrupp render');
    const actions = await actionListTimes(app.url, groupId, 100);
    return { store: benchStore.name, ours, echo: echoed, load, render, actions };
  } finally {
    await echo.stop();
    await app.stop();
    await connector.stop();
    await opened.dispose();
  }
}

const triple = (s: Summary | undefined) => (s ? `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}` : '–');
const verdict = (ok: boolean) => (ok ? '✓' : '✗');

function table(results: StoreResult[]): string {
  const cols = results.map((r) => r.store);
  const row = (label: string, cell: (r: StoreResult) => string) =>
    `| ${label} | ${results.map((r) => (r.unavailable ? 'ej nåbar' : cell(r))).join(' | ')} |`;
  const ratio = (r: StoreResult) => r.ours!.latency.p50 / r.echo!.latency.p50;
  return [
    `| mått (ms om inget annat anges) | ${cols.join(' | ')} |`,
    `|---|${cols.map(() => '---').join('|')}|`,
    row('Kommando tur och retur, Protokoll: p50 / p95 / p99', (r) => triple(r.ours!.latency)),
    row('Kommando tur och retur, eko-bot: p50 / p95 / p99', (r) => triple(r.echo!.latency)),
    row('Kvot mot eko-boten vid p50 (mål ≤ 1,5)', (r) => `${ratio(r).toFixed(2)} ${verdict(ratio(r) <= 1.5)}`),
    row('Genomströmning, 8 klienter: Protokoll / eko (kommandon/s)', (r) => `${r.ours!.throughput.toFixed(0)} / ${r.echo!.throughput.toFixed(0)}`),
    row(`${MEETINGS} möten: ${PARTICIPANTS} anslutningar per möte inom 1 s, p50 / p95 / p99`, (r) => triple(r.load!.joins)),
    row(`${MEETINGS} möten: kommandon (${COMMANDS_PER_MINUTE}/min per möte i ${LOAD_SECONDS} s), p50 / p95 / p99`, (r) => triple(r.load!.commands)),
    row(`${MEETINGS} möten: alla förfrågningar p99 (mål < 100)`, (r) => `${ms(r.load!.all.p99)} ${verdict(r.load!.all.p99 < 100)}`),
    row('Fel (alla delar)', (r) => {
      const byStatus = Object.entries(r.load!.errorsByStatus).map(([status, n]) => `${n} × ${status}`).join(', ');
      return `${r.load!.errors + r.ours!.errors}${byStatus ? ` (${byStatus})` : ''}`;
    }),
    row(`Rendera ${RENDER_PARAGRAPHS} paragrafer till .docx, median / max (mål < 300)`, (r) => `${ms(r.render!.docx.p50)} / ${ms(r.render!.docx.max)} ${verdict(r.render!.docx.max < 300)}`),
    row(`Rendera ${RENDER_PARAGRAPHS} paragrafer till HTML, median / max (mål < 300)`, (r) => `${ms(r.render!.html.p50)} / ${ms(r.render!.html.max)} ${verdict(r.render!.html.max < 300)}`),
    row(`GET åtgärder med ${ACTION_COUNT.toLocaleString('sv-SE')} åtgärder, p95 (mål < 50)`, (r) => `${ms(r.actions!.latency.p95)} ${verdict(r.actions!.latency.p95 < 50)}`),
    row('  svarets storlek', (r) => `${(r.actions!.bytes / 1e6).toFixed(1)} MB`),
  ].join('\n');
}

/** Why a target is missed (printed only for the targets this run missed); see also README "Tillförlitlighet". */
function explanations(results: StoreResult[]): string[] {
  const measured = results.filter((r) => !r.unavailable);
  const missed = (check: (r: StoreResult) => boolean) => measured.filter((r) => !check(r)).map((r) => r.store);
  const notes: string[] = [];
  const ratio = missed((r) => r.ours!.latency.p50 / r.echo!.latency.p50 <= 1.5);
  if (ratio.length) {
    notes.push(`- **Kvot mot eko-boten (${ratio.join(', ')}).** Eko-boten gör ingen I/O. Ett Protokoll-kommando är en databastransaktion med 8–14 satser (aktivitetens id för idempotens, gruppen, mötesraden låst, dagordning, ledamöter, själva skrivningen, omnumrering) och ett svenskt svar; kvoten 1,5 skulle kräva att hela transaktionen tar ett par millisekunder. Profilering (satser och tid per kommando) gav två åtgärder: Teams-id lärs med en villkorlig UPDATE i stället för att läsa ledamotslistan vid varje kommando, och anslutningar läser mötet utan radlås och utan dagordningen. Den absoluta tiden (p50 ${measured.map((r) => `${ms(r.ours!.latency.p50)} ms på ${r.store}`).join(', ')}) ligger långt under vad en människa märker.`);
  }
  const load = missed((r) => r.load!.all.p99 < 100);
  if (load.length) {
    notes.push(`- **50 möten (${load.join(', ')}).** PGlite kör i samma tråd som servern och tar en sats i taget över sin enda anslutning; med 30 anslutningar per sekund och möte och flera möten som överlappar överstiger belastningen vad en process hinner, och köerna syns i p95/p99 (inga fel). PostgreSQL-servern, som produktionen använder (Azure, minst två instanser enligt infra/), klarar samma last. PGlite är till för utveckling och små installationer.`);
  }
  const list = missed((r) => r.actions!.latency.p95 < 50);
  if (list.length) {
    notes.push(`- **Åtgärdslistan med ${ACTION_COUNT.toLocaleString('sv-SE')} åtgärder (${list.join(', ')}).** Svaret är hela listan, över 3 MB JSON; tiden går till att läsa och avkoda raderna. Datumformatering per rad (tidszonsberäkning) är borttagen (ett datum per möte i stället), vilket tog omkring en tredjedel av tiden. Målet nås först med sidindelning av API:t (\`limit\` och en markör, med "Visa fler" i fliken) – inte gjort ännu.`);
  }
  return notes.length ? ['', '## Där målen inte nås', '', ...notes] : [];
}

export async function main(): Promise<number> {
  const started = Date.now();
  const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const results: StoreResult[] = [];
  for (const store of benchStores(databaseUrl)) results.push(await runOn(store));
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const machine = `${os.cpus().length} kärnor (${os.cpus()[0]?.model.trim()}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
  const text = [
    '# Prestanda (`npm run bench`)',
    '',
    `En körning på loopback: ${machine}; ${seconds} s. De ${MEETINGS} mötena börjar utspridda över de första`,
    `${LOAD_SECONDS / 2} s av ett fönster på ${LOAD_SECONDS} s; varje mötes ${PARTICIPANTS} deltagare ansluter inom 1 s från mötets start.`,
    '',
    table(results),
    ...results.filter((r) => r.unavailable).map((r) => `\n${r.store} kunde inte nås: ${r.unavailable}`),
    ...explanations(results),
  ].join('\n');
  console.log(text);
  fs.writeFileSync(path.join(__dirname, '..', 'results.md'), `${text}\n`);
  return 0;
}
