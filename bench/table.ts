/** The results table and, for each target a store missed, why: written from the measured figures. */
import type { BenchStore } from './stores';
import { COMMANDS, TYPICAL, type RoundTrip } from './round-trip';
import { FLOOR_STATEMENTS } from './echo-bot';
import type { LoadResult } from './meetings-load';
import { ACTION_COUNTS, type ActionListResult } from './action-list';
import { RENDER_PARAGRAPHS } from './render';
import { describeLoad, type MachineLoad } from './machine';
import { ms, type Summary } from './stats';
import { describeShares, type ProfileShare } from './cpu-profile';
import { HISTORY_FIRST_PAGES, HISTORY_TARGETS, slowdown, type TenYearsResult } from './ten-years';

/** commands in sequence under the profiler: fewer than the 60 after which the round-trip loop closes its meeting */
export const PROFILED_COMMANDS = 59;

export const LOAD = {
  meetings: 50,
  participants: 30,
  commandsPerMinute: 10,
  seconds: Number(process.env.BENCH_LOAD_SECONDS ?? 40),
};

/** How many times the 50-meeting load runs: the spread of its p99 says whether the target holds run after run. */
export const LOAD_REPEATS = 3;

/** `lowest / median / highest` of the repeated runs' p99. */
function spread(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${ms(sorted[0]!)} / ${ms(sorted[Math.floor(sorted.length / 2)]!)} / ${ms(sorted.at(-1)!)} ${verdict(sorted.at(-1)! < TARGETS.loadP99)}`;
}

export const TARGETS = { ratio: 2, loadP99: 100, renderMs: 300, listP95: 50, historySlowdown: 2 };

export interface StoreResult {
  store: BenchStore['name'];
  unavailable?: string;
  ours?: RoundTrip;
  echo?: RoundTrip;
  /** the echo bot with a transaction of as many statements as a typical command (echo-bot.ts) */
  floor?: RoundTrip;
  commandsMachine?: MachineLoad;
  /** statements until the answer of each typical command, sent once in a running meeting */
  statementsPerCommand?: Array<{ command: string; statements: number }>;
  /** where Protokoll's commands in sequence spent the process's time, from this run's profile */
  commandProfile?: ProfileShare[];
  load?: LoadResult;
  loadMachine?: MachineLoad;
  /** the 50-meeting load's p99 in each of LOAD_REPEATS runs, the first being `load` */
  loadSpread?: number[];
  /** one join with nothing else going on */
  joinAlone?: Summary;
  render?: { docx: Summary; html: Summary; paragraphs: number };
  /** the action list at each size, smallest first */
  actions?: ActionListResult[];
  actionsMachine?: MachineLoad;
  /** one group before and after ten years of history around it (absent when the run skipped it) */
  history?: TenYearsResult;
}
type Measured = Required<Omit<StoreResult, 'unavailable' | 'history' | 'floor'>> & Pick<StoreResult, 'history' | 'floor'>;

const triple = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;
const verdict = (ok: boolean) => (ok ? '✓' : '✗');
const ratio = (r: Measured) => r.ours.latency.p50 / r.echo.latency.p50;
const floorRatio = (r: Measured) => r.floor!.latency.p50 / r.echo.latency.p50;
const met = {
  ratio: (r: Measured) => ratio(r) <= TARGETS.ratio,
  load: (r: Measured) => r.load.all.p99 < TARGETS.loadP99,
  render: (r: Measured) => r.render.docx.max < TARGETS.renderMs && r.render.html.max < TARGETS.renderMs,
  list: (r: Measured) => r.actions.every((a) => a.latency.p95 < TARGETS.listP95),
};
const measured = (results: StoreResult[]) => results.filter((r) => !r.unavailable) as Measured[];

export function table(results: StoreResult[]): string {
  const row = (label: string, cell: (r: Measured) => string) =>
    `| ${label} | ${results.map((r) => (r.unavailable ? 'ej nåbar' : cell(r as Measured))).join(' | ')} |`;
  return [
    `| mått (ms om inget annat anges) | ${results.map((r) => r.store).join(' | ')} |`,
    `|---|${results.map(() => '---').join('|')}|`,
    ...commandRows(row),
    row(`${LOAD.meetings} möten: ${LOAD.participants} anslutningar per möte inom 1 s, p50 / p95 / p99`, (r) => triple(r.load.joins)),
    row(`${LOAD.meetings} möten: kommandon (${LOAD.commandsPerMinute}/min per möte i ${LOAD.seconds} s), p50 / p95 / p99`, (r) => triple(r.load.commands)),
    row(`${LOAD.meetings} möten: alla förfrågningar p99 (mål < ${TARGETS.loadP99})`, (r) => `${ms(r.load.all.p99)} ${verdict(met.load(r))}`),
    row(`  p99 i ${LOAD_REPEATS} körningar: lägst / median / högst (mål < ${TARGETS.loadP99} i alla)`, (r) => spread(r.loadSpread)),
    row('  förfrågningar: totalt / flest under en sekund', (r) => `${r.load.requests} / ${r.load.peakPerSecond}`),
    row('  en anslutning utan annan last, median', (r) => ms(r.joinAlone.p50)),
    row('  belastning under mötena', (r) => describeLoad(r.loadMachine)),
    row('Fel (alla delar)', (r) => {
      const byStatus = Object.entries(r.load.errorsByStatus).map(([status, n]) => `${n} × ${status}`).join(', ');
      return `${r.load.errors + r.ours.errors + r.echo.errors}${byStatus ? ` (${byStatus})` : ''}`;
    }),
    row(`Rendera ${RENDER_PARAGRAPHS} paragrafer till .docx, median / max (mål < ${TARGETS.renderMs})`, (r) => `${ms(r.render.docx.p50)} / ${ms(r.render.docx.max)} ${verdict(r.render.docx.max < TARGETS.renderMs)}`),
    row(`Rendera ${RENDER_PARAGRAPHS} paragrafer till HTML, median / max (mål < ${TARGETS.renderMs})`, (r) => `${ms(r.render.html.p50)} / ${ms(r.render.html.max)} ${verdict(r.render.html.max < TARGETS.renderMs)}`),
    ...ACTION_COUNTS.flatMap((_, i) => actionRows(i, row)),
    row('  belastning under åtgärdslistan', (r) => describeLoad(r.actionsMachine)),
  ].join('\n');
}

const count = (n: number) => n.toLocaleString('sv-SE');

type Row = (label: string, cell: (r: Measured) => string) => string;

/** The rows of the command round trips: latency against the echo bot, and what the database did. */
function commandRows(row: Row): string[] {
  return [
    row('Kommando tur och retur, Protokoll: p50 / p95 / p99', (r) => triple(r.ours.latency)),
    row('  varav databasen (median per kommando; tiden utan BEGIN/COMMIT)', (r) => `${r.ours.database!.statements.p50} satser + BEGIN/COMMIT, ${ms(r.ours.database!.milliseconds.p50)} ms`),
    row(`  satser per kommando i mätningen (median): ${r0Commands()}`, (r) => r.ours.database!.byCommand.map((c) => c.statements).join(' / ')),
    row('  satser efter svaret (median / högst)', (r) => `${r.ours.database!.afterAnswer.p50} / ${r.ours.database!.afterAnswer.max}`),
    row('Kommando tur och retur, eko-bot: p50 / p95 / p99', (r) => triple(r.echo.latency)),
    row(`Kvot mot eko-boten vid p50 (mål ≤ ${TARGETS.ratio}, på väg mot 1,5)`, (r) => `${ratio(r).toFixed(2)} ${verdict(met.ratio(r))}`),
    row(`Golvet: eko-boten med en transaktion av ${FLOOR_STATEMENTS} satser (1 skrivning, ${FLOOR_STATEMENTS - 1} läsningar) och BEGIN/COMMIT: p50 / p95 / p99`, (r) => (r.floor ? triple(r.floor.latency) : '–')),
    row('  golvets kvot mot eko-boten vid p50; Protokoll över golvet', (r) => (r.floor ? `${floorRatio(r).toFixed(2)}; +${ms(r.ours.latency.p50 - r.floor.latency.p50)} ms` : '–')),
    row('Genomströmning, 8 klienter: Protokoll / eko (kommandon/s)', (r) => `${r.ours.throughput.toFixed(0)} / ${r.echo.throughput.toFixed(0)}`),
    row('  belastning under kommandona', (r) => describeLoad(r.commandsMachine)),
    row(`Satser utöver BEGIN/COMMIT, ett kommando av varje: ${TYPICAL.map((c) => c.name).join(' / ')}`,
      (r) => (r.statementsPerCommand ?? []).map((c) => c.statements).join(' / ')),
  ];
}

const r0Commands = () => COMMANDS.join(' / ');

/** `BENCH_ONLY=round-trip`: the command rows alone, and why the ratio is what it is. */
export function roundTripTable(results: StoreResult[]): string {
  const row: Row = (label, cell) => `| ${label} | ${results.map((r) => cell(r as Measured)).join(' | ')} |`;
  return [
    `| mått (ms om inget annat anges) | ${results.map((r) => r.store).join(' | ')} |`,
    `|---|${results.map(() => '---').join('|')}|`,
    ...commandRows(row),
    ...ratioNotes(measured(results)),
  ].join('\n');
}

/** The rows of the action list at the `i`th size (the sizes are the same for every store). */
function actionRows(i: number, row: Row): string[] {
  const at = (r: Measured) => r.actions[i]!;
  return [
    row(`GET åtgärder, en sida (100), ${count(ACTION_COUNTS[i]!)} åtgärder: p50 / p95 (mål p95 < ${TARGETS.listP95})`,
      (r) => `${ms(at(r).latency.p50)} / ${ms(at(r).latency.p95)} ${verdict(at(r).latency.p95 < TARGETS.listP95)} (${at(r).latency.count} anrop)`),
    row('  långsammaste sorten, p95', (r) => {
      const slowest = [...at(r).byKind].sort((a, b) => b.latency.p95 - a.latency.p95)[0]!;
      return `${slowest.kind}: ${ms(slowest.latency.p95)}`;
    }),
    row('  varav läsa och mappa sidan / JSON, median', (r) => `${ms(at(r).useCase.p50)} / ${ms(at(r).json.p50)}`),
    row('  första sidans storlek', (r) => `${(at(r).bytes / 1e3).toFixed(0)} kB`),
  ];
}

/** Why a target is missed, for the targets this run missed, with this run's figures. */
export function explanations(results: StoreResult[]): string[] {
  const all = measured(results);
  const missing = (check: (r: Measured) => boolean) => all.filter((r) => !check(r));
  const notes: string[] = [];

  notes.push(...ratioNotes(missing(met.ratio)));

  for (const r of missing(met.load)) {
    const m = r.loadMachine;
    const busy = m.loadBefore > m.cores || m.loadAfter > m.cores;
    const machine = `Under delen var load average ${m.loadBefore.toFixed(1)} → ${m.loadAfter.toFixed(1)} på ${m.cores} kärnor och processen använde i snitt ${m.share.toFixed(2)} kärna${busy ? '; maskinen delades med annat arbete, som tog processortid från servern just när den behövdes' : ''}.`;
    const why = r.store === 'PGlite'
      ? `PGlite kör i samma tråd som servern (och här klienterna) och tar en sats i taget över sin enda anslutning; en anslutning är en transaktion med fem–sex satser och BEGIN/COMMIT och tar ${ms(r.joinAlone.p50)} ms utan annan last, så tråden hinner omkring ${Math.round(1000 / r.joinAlone.p50)} i sekunden. När flera mötens anslutningar sammanfaller (som mest ${r.load.peakPerSecond} förfrågningar under en sekund) står förfrågningarna i kö, vilket syns i p95/p99 mer än i medianen; inget går förlorat. Profilering under lasten: ungefär hälften av processens arbetstid är PGlite självt (WebAssembly och avkodningen av dess protokoll), resten Kysely, botbuilder och HTTP, utan någon het punkt i vår kod. PGlite är till för utveckling och små installationer; produktionen använder PostgreSQL-servern (Azure, minst två instanser enligt infra/).`
      : `Med PostgreSQL-servern arbetar transaktionerna parallellt över tio anslutningar, men serverns JavaScript (botbuilder, Kysely, pg) delar här en tråd med klienterna och Bot Connector-ersättaren; en anslutning tar ${ms(r.joinAlone.p50)} ms utan annan last, och när som mest ${r.load.peakPerSecond} förfrågningar kommer under en sekund bildas korta köer i tråden. Profilering under lasten visar ingen het punkt i vår kod: utöver väntan går tiden mest till socketskrivningar (writev), HTTP-klienten, Kysely och pg.`;
    notes.push(`- **${LOAD.meetings} möten (${r.store}): p99 ${ms(r.load.all.p99)} ms, median ${ms(r.load.all.p50)} ms, ${r.load.errors} fel.** ${why} ${machine}`);
  }

  const listMissed = missing(met.list);
  if (listMissed.length) {
    const each = listMissed.flatMap((r) => r.actions.filter((a) => a.latency.p95 >= TARGETS.listP95).map((a) =>
      `${r.store} med ${count(a.actions)} åtgärder: p95 ${ms(a.latency.p95)} ms (${a.byKind.map((k) => `${k.kind} ${ms(k.latency.p95)}`).join(', ')}), varav att läsa och mappa sidan ${ms(a.useCase.p50)} ms (median)`));
    notes.push(`- **Åtgärdslistan.** ${each.join('; ')}. En sida läser sina högst 101 rader i ordning ur ett index som passar filtret (migrering 0017) och slutar där, och antalen per status på första sidan summeras ur \`action_counts\` (en rad per ansvarig, status och sista dag, hållen av en trigger), så arbetet per sida växer knappt med antalet åtgärder i gruppen. ${listMissed.map((r) => `${r.store}: ${describeLoad(r.actionsMachine)}`).join('; ')}; med fler körbara processer än kärnor väntar servern på processortid mellan varje steg, vilket syns i p95 mer än i medianen.`);
  }

  const renderMissed = missing(met.render);
  if (renderMissed.length) {
    notes.push(`- **Rendering (${renderMissed.map((r) => r.store).join(', ')}).** Se tabellen; renderingen är ren beräkning utan databas, så en långsam körning här speglar maskinens belastning.`);
  }
  return notes.length ? ['', '## Där målen inte nås', '', ...notes] : [];
}

/** One line per target and store, for scripts: `target <name>: <value> <unit> (goal <goal>) ok|missed`. */
const line = (name: string, value: number, unit: string, goal: string, ok: boolean) =>
  `target ${name}: ${Number.isFinite(value) ? Number(value.toFixed(2)) : 'NaN'} ${unit} (goal ${goal}) ${ok ? 'ok' : 'missed'}`;

export function targetLines(results: StoreResult[]): string[] {
  return measured(results).flatMap((r) => {
    const store = r.store.toLowerCase();
    return [
      line(`${store}.command-p50-vs-echo`, ratio(r), 'x', `<= ${TARGETS.ratio}`, met.ratio(r)),
      line(`${store}.meetings-load-p99`, r.load.all.p99, 'ms', `< ${TARGETS.loadP99}`, met.load(r)),
      line(`${store}.meetings-load-p99-worst-of-${r.loadSpread.length}`, Math.max(...r.loadSpread), 'ms', `< ${TARGETS.loadP99}`, Math.max(...r.loadSpread) < TARGETS.loadP99),
      line(`${store}.render-docx-max`, r.render.docx.max, 'ms', `< ${TARGETS.renderMs}`, r.render.docx.max < TARGETS.renderMs),
      line(`${store}.render-html-max`, r.render.html.max, 'ms', `< ${TARGETS.renderMs}`, r.render.html.max < TARGETS.renderMs),
      ...r.actions.map((a) => line(`${store}.action-list-page-${a.actions}-p95`, a.latency.p95, 'ms', `< ${TARGETS.listP95}`, a.latency.p95 < TARGETS.listP95)),
      ...(r.history ? historyTargetLines(store, r.history) : []),
    ];
  }).concat(results.filter((r) => r.unavailable).map((r) => `target ${r.store.toLowerCase()}.available: 0 stores (goal 1) missed`));
}

/** Each ten-year figure's target line: p50 with the history over p50 without it. */
export function historyTargetLines(store: string, history: TenYearsResult): string[] {
  return HISTORY_TARGETS.map(([key]) => {
    const value = slowdown(history, key);
    return line(`${store}.ten-years.${key}-p50-vs-empty`, value, 'x', `<= ${TARGETS.historySlowdown}`, value <= TARGETS.historySlowdown);
  });
}

/** The ten-year section of results.md: the data set, then each figure before and after, per store. */
export function historyTable(results: StoreResult[]): string[] {
  const runs = results.filter((r): r is StoreResult & { history: TenYearsResult } => !!r.history);
  if (runs.length === 0) return [];
  const lines = ['', '## Tio års historik', ''];
  for (const r of runs) {
    const h = r.history;
    lines.push(`**${r.store}**: ${h.scale.groups} grupper × ${h.scale.years} år, ${h.seeded.meetings.toLocaleString('sv-SE')} möten, ` +
      `${h.seeded.paragraphs.toLocaleString('sv-SE')} paragrafer, ${h.seeded.decisions.toLocaleString('sv-SE')} beslut, ` +
      `${h.seeded.actions.toLocaleString('sv-SE')} åtgärder, laddat på ${h.seeded.loadSeconds.toFixed(0)} s. ` +
      `Schemaläggarens varv går över samma ${h.calendarGroups} grupper med kalender båda gångerna.`, '');
    lines.push('| Mått (p50, ms) | Tom databas | Med historiken | Kvot (mål ≤ 2) |', '|---|---|---|---|');
    for (const [key, name] of HISTORY_TARGETS) {
      const value = slowdown(h, key);
      lines.push(`| ${name} | ${ms(h.empty[key].p50)} | ${ms(h.full[key].p50)} | ${value.toFixed(2)} ${verdict(value <= TARGETS.historySlowdown)} |`);
    }
    for (const [key, list, name] of HISTORY_FIRST_PAGES) {
      const value = h.full[key].p50 / h.empty[key].p50;
      lines.push(`| ${name} (${h.pages.empty[list]} mot ${h.pages.full[list]} rader) | ${ms(h.empty[key].p50)} | ${ms(h.full[key].p50)} | ${value.toFixed(2)} (inget mål) |`);
    }
    lines.push('', 'Listornas mål mäts med en sida lika lång som den tomma databasens (`limit`): samma svar med och utan ' +
      'historik, så kvoten visar vad historiken kostar. Förstasidan som en ledamot öppnar den står under målen utan eget mål: ' +
      'med historiken har den fler rader än den tomma databasen har, och ett längre svar kostar mer att läsa, översätta och ' +
      'skicka oavsett vad som ligger bakom det.', '');
  }
  return lines;
}


/**
 * Why Protokoll's command is slower than the echo bot, for the stores that missed the ratio. The
 * database time is the wall time a statement was outstanding (db-meter.ts), so it is a part of the
 * round trip and the rest is what the server's JavaScript and HTTP add.
 */
function ratioNotes(missed: Measured[]): string[] {
  if (missed.length === 0) return [];
  const each = missed.map((r) => {
    const db = r.ours.database!;
    const rest = r.ours.latency.p50 - db.milliseconds.p50;
    const floor = r.floor ? `; golvet (eko-boten med en transaktion av lika många satser, utan Protokolls arbete) ${ms(r.floor.latency.p50)} ms, kvot ${floorRatio(r).toFixed(2)} mot eko-boten, så att målet lämnar ${ms(TARGETS.ratio * r.echo.latency.p50 - r.floor.latency.p50)} ms åt Protokolls eget arbete mot dess ${ms(r.ours.latency.p50 - r.floor.latency.p50)} ms` : '';
    return `  - ${r.store}: median ${ms(r.ours.latency.p50)} ms, varav ${ms(db.milliseconds.p50)} ms med en sats ute i databasen (${db.statements.p50} satser och BEGIN/COMMIT i en transaktion); utan databasen ${ms(rest)} ms mot eko-botens ${ms(r.echo.latency.p50)} ms (kvot ${(rest / r.echo.latency.p50).toFixed(1)})${floor}; processens tid under ${PROFILED_COMMANDS} kommandon i följd enligt körningens egen profil (V8, var 0,1 ms): ${describeShares(r.commandProfile)}.`;
  });
  const steps = missed.map(stepNote).filter((note): note is string => note !== null);
  return [
    `- **Kvot mot eko-boten.** Eko-boten gör ingen I/O; ett Protokoll-kommando är en databastransaktion och ett svenskt svar. Turen tar aktivitetens id (idempotens), läser gruppen och avsändarens rad i ledamotslistan och låser gruppens öppna möte i en sats; ett kommando på mötet läser sedan mötet med dagordningen, de omedelbart justerade punkterna, hur mycket den aktuella punkten redan har (gränsen per paragraf) och det kommandot behöver därtill (ledamotslistan för en åtgärd; ledamöter, närvaro och jäv för ett besluts beslutförhet) i en sats; en anslutning läser mötet och ledamotslistan i en; sedan skrivningen och utkastregeln, som läser hela protokollet bara för ett utkast som väntar på justering och som just den här transaktionen ändrat (migrering 0022). \`ny punkt\` numrerar om dagordningen med en UPDATE för alla punkter vars nummer ändras. Varje sats med parametrar förbereds en gång (namngivna satser: per anslutning på PostgreSQL, per instans på PGlite), så att databasen inte tolkar och planerar den på nytt vid varje körning, och de satser varje kommando skickar byggs av Kysely en gång per process (store/compiled-once.ts). Databastiden är väggklockans tid då minst en sats väntade på svar (BEGIN och COMMIT syns inte för mätaren och räknas till resten), inte summan av satsernas tider.`,
    ...each,
    ...(steps.length ? [`- **Var tiden går, steg för steg.** Ett \`beslut\` i mätningen ovan, median per steg i ms, med golvets steg inom parentes och eko-botens i hakparentes där den har steget. Satserna räknas från det att de skickas tills raderna är lästa.`, ...steps] : []),
    `- **Prövat, och vad det gav** (mätt med \`BENCH_ONLY=round-trip\` på samma maskin före och efter varje ändring):`,
    ...TRIED.map((tried) => `  - ${tried}`),
  ];
}

/** What was tried for the ratio, each with what it gave when it was measured. */
const TRIED = [
  'Namngivna, förberedda satser på båda lagren (store/prepared-statements.ts, store/pglite-prepared.ts): PostgreSQL 10,4 → 7,7 ms per kommando och databastiden 5,3 → 2,9 ms; PGlite databastiden 7,7 → 3,6 ms.',
  'Färre satser: sammanhanget (aktivitetens id, gruppen, avsändaren, låset) i en sats; ett besluts beslutförhet och en åtgärds ledamotslista i mötets läsning; `ny punkt` numrerar om med en UPDATE. Beslut och åtgärd 5 → 4 satser, `ny punkt` 8 → 6.',
  'Satserna varje kommando skickar byggs och kompileras av Kysely en gång per process i stället för vid varje körning (store/compiled-once.ts; Kysely tog 50–150 µs per sats, sammanhanget och utkastregeln mest): Protokoll över golvet 5,7 → 5,3 ms på PostgreSQL och 7,3 → 6,9 ms på PGlite (median av tre körningar var, före och efter om vartannat), Kyselys andel av processens tid 12–13 % → 2–4 %. Kvoten rörde sig mindre än eko-botens spridning mellan körningar.',
  'Mötets läsning tar dagordningens punkter med bara de kolumner som läses, inte hela raden med titelns sökvektor som text: ingen mätbar skillnad (mötet med dagordningen 1,6 ms på PostgreSQL före och efter).',
  '`plan_cache_mode = force_generic_plan` för anslutningarna: ingen skillnad; bind-tiden i serverns satslogg var densamma, så planeringen var inte det som kostade.',
  'Livepanelens LISTEN avstängd (ingen NOTIFY levereras vid COMMIT): ingen skillnad i COMMIT eller i turen.',
  'Node 24 (produktionens version) i stället för Node 20: allt går fortare, eko-boten mest, så kvoten blir större (PostgreSQL 2,30 på Node 20 och 2,48 på Node 24, samma maskin samma timme).',
  'Inte gjort: BEGIN i samma skrivning som första satsen (skulle aktivitetens id tas utanför en transaktion om BEGIN misslyckades, kunde en omsänd aktivitet tas för redan hanterad); att hoppa över utkastregelns sats när sammanhanget inte visar något utkast under justering (en samtidig justering kunde då gå förbi regeln); sammanhanget och mötets läsning i samma rundtur (pg:s pipeline-läge är odokumenterat, och läsningen beror av sammanhangets grupp).',
];

const STEPPED_STATEMENTS = ['sammanhanget', 'mötet med dagordningen', 'skrivningen', 'utkastregeln'];

/** `beslut` step by step beside the floor's and the echo bot's steps, and which steps Protokoll lengthens. */
function stepNote(r: Measured): string | null {
  const ours = r.ours.steps;
  const floor = r.floor?.steps;
  const echo = r.echo.steps;
  if (!ours || !floor || !echo) return null;
  const pair = (a: number, b: number) => `${ms(a)} (${ms(b)})`;
  const names = ours.statements.length === STEPPED_STATEMENTS.length ? STEPPED_STATEMENTS : ours.statements.map((_, i) => `sats ${i + 1}`);
  const statements = ours.statements.map((d, i) => `${names[i]} ${pair(d, floor.statements[i] ?? NaN)}`).join(', ');
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const more = [
    { what: 'satserna', by: sum(ours.statements) - sum(floor.statements) },
    { what: 'JavaScript mellan satserna', by: ours.between - floor.between },
    { what: 'före första satsen', by: ours.before - floor.before },
    { what: 'efter sista satsen', by: ours.toReply - floor.toReply + ours.toAnswer - floor.toAnswer },
  ].sort((a, b) => b.by - a.by);
  return `  - ${r.store}: före första satsen (HTTP, botbuilder, kommandot, BEGIN) ${pair(ours.before, floor.before)}; satserna: ${statements}; serverns JavaScript mellan satserna ${pair(ours.between, floor.between)}; efter sista satsen tills svaret når Bot Connector (COMMIT, svaret, botbuilders sändning) ${pair(ours.toReply, floor.toReply)} [${ms(echo.before)} från början till svaret]; därefter till HTTP-svaret ${pair(ours.toAnswer, floor.toAnswer)} [${ms(echo.toAnswer)}]. Mer än golvet: ${more.map((m) => `${m.what} ${m.by >= 0 ? '+' : ''}${ms(m.by)}`).join(', ')} ms.`;
}
