/**
 * A region's ten years: groups with monthly meetings, 30 paragraphs each, decisions on most of them,
 * actions, attendance and paragraph visits — generated in the database with generate_series, so the
 * data set loads in minutes, and reproducibly: every choice (titles, clauses, owners, who attended)
 * is arithmetic on the row's numbers and the seed, never a random draw.
 *
 * Then, on one group with that history behind it, the figures the issue asks to stay within 2× of an
 * empty database: a command in the newest meeting, the protokoll of a past meeting (JSON, HTML,
 * .docx), the meetings list, the action list, the decision search, yearly renumbering, and the
 * scheduler's pass over all groups (over the same groups, with calendars, before and after).
 */
import { sql } from 'kysely';
import type { StoreConnection } from '../bot/src/store/database';
import { DatabaseUnitOfWork } from '../bot/src/store/unit-of-work';
import { renumber } from '../bot/src/core/use-cases/renumber';
import { summarise, timed, type Summary } from './stats';
import { groupInMeeting, mustDeliver, secretary, tick, type BotConnectorServer } from './teams';
import { linkEveryCalendar, passTimes, startSchedulerInstance } from './scheduler-pass';

export interface TenYearsScale {
  groups: number;
  years: number;
  paragraphsPerMeeting: number;
}

/** The issue's data set: ≈ 24,000 meetings, ≈ 700,000 paragraphs. */
export const REGION_SCALE: TenYearsScale = { groups: 200, years: 10, paragraphsPerMeeting: 30 };
/** What embedded PGlite (one process, in memory pages) loads in reasonable time: a tenth of the groups. */
export const PGLITE_SCALE: TenYearsScale = { groups: 20, years: 10, paragraphsPerMeeting: 30 };

const TITLES = [
  'Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Arbetsordning för samverkan', 'Budget och uppföljning',
  'Mobil närvård – aktuellt läge', 'Vårdplatsflöde', 'Läkemedelsgenomgångar', 'Trygg och säker utskrivning', 'Psykisk hälsa',
  'Barn och unga', 'Digitala vårdmöten', 'Kompetensförsörjning', 'Avvikelser i samverkan', 'Handlingsplan för äldre',
  'Rapport från arbetsgrupper', 'Information från regionen', 'Information från kommunerna', 'Övriga frågor',
];
const CLAUSES = [
  'godkänna för sammanträdet upprättad dagordning.', 'godkänna föregående sammanträdesprotokoll.', 'anta arbetsordningen för samverkan.',
  'ge arbetsgruppen i uppdrag att ta fram en handlingsplan.', 'lägga informationen till handlingarna.', 'fastställa budgeten för verksamhetsåret.',
  'uppdra åt förvaltningen att följa upp vårdplatsflödet.', 'godkänna rapporten och skicka den till huvudmännen.',
  'utse en tillfällig arbetsgrupp för läkemedelsfrågor.', 'revidera rutinen för trygg och säker utskrivning.',
];
const MEMBERS_PER_GROUP = 12;
const ACTIONS_PER_MEETING = 5;
const literal = (values: readonly string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

export interface Seeded {
  groupIds: string[];
  meetings: number;
  paragraphs: number;
  decisions: number;
  actions: number;
  loadSeconds: number;
}

/**
 * The region's groups, without any history yet: the scheduler's pass is measured over the same
 * groups before and after their ten years are loaded. A group already there is kept as it is.
 */
export async function addTenYearGroups(store: StoreConnection, scale: TenYearsScale): Promise<string[]> {
  await sql`insert into groups (name, name_key, deciding_body, numbering_style)
    select 'Samverkansgrupp ' || g || ' (tio år)', 'samverkansgrupp ' || g || ' (tio år)', 'Samverkansgruppen', 'year'
    from generate_series(1, ${scale.groups}::int) g
    on conflict do nothing`.execute(store.db);
  const rows = await sql<{ id: string }>`select id from groups where name like '% (tio år)' order by name`.execute(store.db);
  return rows.rows.map((r) => r.id);
}

/**
 * Adds `scale` worth of history. `withHistory` are groups that exist already (say, one the bench drives
 * through the bot): they get the same ten years before their own meetings. `seed` shifts every choice.
 */
export async function seedTenYears(store: StoreConnection, scale: TenYearsScale, withHistory: string[] = [], seed = 7): Promise<Seeded> {
  const started = Date.now();
  const db = store.db;
  const months = scale.years * 12;
  const first = '2015-01-15T07:00:00Z';
  await sql`create temporary table ten_year_groups (id uuid primary key, g int not null)`.execute(db);
  await addTenYearGroups(store, scale);
  await sql`insert into ten_year_groups (id, g)
    select id, row_number() over (order by name) from groups where name like '% (tio år)'
    union all select id::uuid, ${scale.groups}::int + ordinality::int from unnest(${`{${withHistory.join(',')}}`}::uuid[]) with ordinality as t(id, ordinality)`.execute(db);
  await sql`insert into roster_members (group_id, name, name_key, title, principal, role, roles, position)
    select t.id, 'Ledamot ' || i || ' i grupp ' || t.g, 'ledamot ' || i || ' i grupp ' || t.g, 'verksamhetschef',
      case when i % 3 = 0 then 'Region Blekinge' else 'Kommun ' || (i % 5) end,
      case when i = 1 then 'ordförande' when i = 2 then 'sekreterare' else 'ledamot' end,
      jsonb_build_array(case when i = 1 then 'ordförande' when i = 2 then 'sekreterare' else 'ledamot' end), 1000 + i
    from ten_year_groups t cross join generate_series(1, ${MEMBERS_PER_GROUP}::int) i
    where not exists (select 1 from roster_members r where r.group_id = t.id and r.name_key = 'ledamot ' || i || ' i grupp ' || t.g)`.execute(db);
  // One meeting a month, locked once justerat; the protokoll's content is what the bench reads.
  await sql`insert into meetings (group_id, status, starts_at, ends_at, started_at, ended_at, place)
    select t.id, 'justerat', ts, ts + interval '2 hours', ts, ts + interval '2 hours', 'via Teams'
    from ten_year_groups t cross join generate_series(0, ${months - 1}::int) k
    cross join lateral (select ${first}::timestamptz + k * interval '1 month' as ts) w`.execute(db);
  await sql`create temporary table ten_year_meetings as
    select m.id, m.group_id, m.starts_at, t.g, (row_number() over (partition by m.group_id order by m.starts_at))::int - 1 as k
    from meetings m join ten_year_groups t on t.id = m.group_id where m.status = 'justerat' and m.starts_at < ${'2025-01-01T00:00:00Z'}`.execute(db);
  const p = scale.paragraphsPerMeeting;
  // Paragraph numbers run on through the year, as `§ 15` groups number them.
  await sql`insert into agenda_items (meeting_id, group_id, position, title, number, outcome)
    select m.id, m.group_id, i * 1000, (${literal(TITLES)})[1 + (i + m.g * 7 + ${seed}) % ${TITLES.length}::int] || case when i > 3 then ' ' || (m.k / 12 + 2015) else '' end,
      (m.k % 12) * ${p}::int + i, case when i % 3 = 0 then 'information' else 'decided' end
    from ten_year_meetings m cross join generate_series(1, ${p}::int) i`.execute(db);
  await sql`insert into decisions (meeting_id, item_id, clause, quorate, created_at)
    select a.meeting_id, a.id, (${literal(CLAUSES)})[1 + (a.number + ${seed}) % ${CLAUSES.length}::int], true, m.starts_at + a.position * interval '4 milliseconds'
    from agenda_items a join ten_year_meetings m on m.id = a.meeting_id where a.outcome = 'decided'`.execute(db);
  await sql`insert into paragraph_visits (meeting_id, item_id, opened_at)
    select a.meeting_id, a.id, m.starts_at + a.position * interval '4 milliseconds'
    from agenda_items a join ten_year_meetings m on m.id = a.meeting_id`.execute(db);
  await sql`insert into action_items (group_id, meeting_id, item_id, text, owner_member_id, owner_name, due_date, status, created_at)
    select m.group_id, m.id, a.id, 'Följ upp ' || lower(a.title), r.id, r.name, (m.starts_at + interval '30 days')::date,
      case when m.starts_at < timestamptz '2024-06-01T00:00:00Z' then 'done' else 'open' end, m.starts_at + interval '1 hour'
    from ten_year_meetings m
    join agenda_items a on a.meeting_id = m.id and a.position % ${Math.max(1, Math.floor(p / ACTIONS_PER_MEETING)) * 1000}::int = 0
    join roster_members r on r.group_id = m.group_id and r.position = 1000 + 1 + (a.number + m.g) % ${MEMBERS_PER_GROUP}::int`.execute(db);
  // Ten of twelve members attend each meeting, from start to end (as Teams' attendance report gives it).
  await sql`insert into attendance_intervals (meeting_id, member_id, display_name, joined_at, left_at, source)
    select m.id, r.id, r.name, m.starts_at, m.starts_at + interval '2 hours', 'report'
    from ten_year_meetings m join roster_members r on r.group_id = m.group_id and (r.position + m.k) % 6 <> 0`.execute(db);
  // A region's ten years were written over ten years: autovacuum has long since marked their pages
  // all-visible, so index-only scans skip the table. Right after a bulk load nothing is marked yet,
  // and every such read would visit the table as no real database of that age would: vacuum, then
  // gather the planner's statistics.
  await sql`vacuum analyze`.execute(db);
  const count = async (table: string) => Number((await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  const groupIds = (await sql<{ id: string }>`select id from ten_year_groups order by g`.execute(db)).rows.map((r) => r.id);
  await sql`drop table ten_year_meetings`.execute(db);
  await sql`drop table ten_year_groups`.execute(db);
  return {
    groupIds,
    meetings: await count('meetings'),
    paragraphs: await count('agenda_items'),
    decisions: await count('decisions'),
    actions: await count('action_items'),
    loadSeconds: (Date.now() - started) / 1000,
  };
}

export interface HistoryFigures {
  search: Summary;
  searchAllGroups: Summary;
  meetingsList: Summary;
  actionList: Summary;
  /** the four lists' default first pages as a member opens them, however many rows those hold */
  searchFirstPage: Summary;
  searchAllGroupsFirstPage: Summary;
  meetingsListFirstPage: Summary;
  actionListFirstPage: Summary;
  protokollJson: Summary;
  protokollHtml: Summary;
  protokollDocx: Summary;
  renumbering: Summary;
}

/** The four lists' paths, each with its default first page, for one group. */
const listPaths = (groupId: string) => ({
  search: `/api/groups/${groupId}/decisions?q=arbetsordningen`,
  searchAllGroups: '/api/decisions?q=arbetsordningen&limit=20',
  meetingsList: `/api/groups/${groupId}/meetings`,
  actionList: `/api/groups/${groupId}/actions?status=open`,
});

/** How many rows each list's default first page holds. */
export type PageLengths = Record<keyof ReturnType<typeof listPaths>, number>;

export async function firstPageLengths(url: string, groupId: string): Promise<PageLengths> {
  const paths = listPaths(groupId);
  const rows = async (path: string, list: string) => {
    const body = (await (await fetch(`${url}${path}`)).json()) as Record<string, unknown[]>;
    return body[list]!.length;
  };
  return {
    search: await rows(paths.search, 'decisions'),
    searchAllGroups: await rows(paths.searchAllGroups, 'decisions'),
    meetingsList: await rows(paths.meetingsList, 'meetings'),
    actionList: await rows(paths.actionList, 'actions'),
  };
}

/**
 * The reads a member and the secretary make, on `groupId` (whatever history it has): `pastMeetingId`
 * is a meeting whose protokoll is opened. Each figure is `rounds` requests after two warm-up ones.
 *
 * The lists are measured twice. Their target figures ask for a page as long as the empty database's
 * (`pages`, counted there): the same answer with and without history, so the figure shows what the
 * history costs. The default first page is measured too and shown beside them: with history it holds
 * up to 50 meetings or decisions and every open action, against one or two on the empty database, and
 * a longer answer costs more to read, map and send whatever lies behind it.
 */
export async function historyFigures(
  url: string, store: StoreConnection, groupId: string, pastMeetingId: string, pages: PageLengths, rounds = 20,
): Promise<HistoryFigures> {
  const times = async (path: string) => {
    const get = async () => {
      // After the long load the server may have closed the kept-alive socket: once more on a new one.
      const res = await fetch(`${url}${path}`).catch(() => fetch(`${url}${path}`));
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      await res.arrayBuffer();
    };
    await get();
    await get();
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) samples.push(await timed(get));
    return summarise(samples);
  };
  // Renumbering as an agenda edit runs it: on the group's newest meeting (the one running now), its
  // numbers running on from the year's earlier meetings. Found once, outside the timing: the meeting
  // is the same with or without history, so both figures renumber the same agenda.
  const uow = new DatabaseUnitOfWork(store.db);
  const newest = (await uow.read((repos) => repos.meetings.list(groupId)))[0]!;
  const renumberOnce = () => uow.run(async (repos) => {
    const group = (await repos.groups.findById(groupId))!;
    const meeting = (await repos.meetings.findById(groupId, newest.id))!;
    await renumber(repos, group, meeting, new Date().toISOString());
  });
  await renumberOnce();
  await renumberOnce();
  const renumbered: number[] = [];
  // As many samples as the other figures: with five, the median of a one-millisecond figure swung
  // from 0.8 to 1.5 ms between runs on the same data.
  for (let i = 0; i < rounds; i++) renumbered.push(await timed(renumberOnce));
  const paths = listPaths(groupId);
  const samePage = (key: keyof PageLengths) => {
    const path = new URL(paths[key], url);
    path.searchParams.set('limit', String(pages[key]));
    return times(`${path.pathname}${path.search}`);
  };
  return {
    search: await samePage('search'),
    searchAllGroups: await samePage('searchAllGroups'),
    meetingsList: await samePage('meetingsList'),
    actionList: await samePage('actionList'),
    searchFirstPage: await times(paths.search),
    searchAllGroupsFirstPage: await times(paths.searchAllGroups),
    meetingsListFirstPage: await times(paths.meetingsList),
    actionListFirstPage: await times(paths.actionList),
    protokollJson: await times(`/api/meetings/${pastMeetingId}/protokoll`),
    protokollHtml: await times(`/api/meetings/${pastMeetingId}/protokoll.html`),
    protokollDocx: await times(`/api/meetings/${pastMeetingId}/protokoll.docx`),
    renumbering: summarise(renumbered),
  };
}

export interface TenYearsResult {
  scale: TenYearsScale;
  seeded: Seeded;
  /** the same group's figures before and after the history was loaded */
  empty: HistoryFigures & { command: Summary; schedulerPass: Summary };
  full: HistoryFigures & { command: Summary; schedulerPass: Summary };
  /** the groups the scheduler's pass went over, each with a calendar */
  calendarGroups: number;
  /** the rows on each list's default first page, on the empty database and with the history */
  pages: { empty: PageLengths; full: PageLengths };
}

/** The figures compared against the empty database, with their names in the bench's target lines. */
export const HISTORY_TARGETS: ReadonlyArray<[keyof TenYearsResult['full'], string]> = [
  ['command', 'kommando i nyaste mötet'],
  ['protokollJson', 'protokoll JSON'],
  ['protokollHtml', 'protokoll HTML'],
  ['protokollDocx', 'protokoll .docx'],
  ['meetingsList', 'möteslistan, lika lång sida'],
  ['actionList', 'åtgärdslistan, lika lång sida'],
  ['search', 'beslutssökning i gruppen, lika lång sida'],
  ['searchAllGroups', 'beslutssökning i alla grupper, lika lång sida'],
  ['renumbering', 'omnumrering av året'],
  ['schedulerPass', 'schemaläggarens varv över alla grupper'],
];

/**
 * The lists' default first pages, shown beside the targets without one of their own: with history
 * they answer with more rows than the empty database has (`pages`), so their ratio mixes the cost of
 * the history with the cost of a longer answer.
 */
export const HISTORY_FIRST_PAGES: ReadonlyArray<[keyof HistoryFigures, keyof PageLengths, string]> = [
  ['meetingsListFirstPage', 'meetingsList', 'möteslistan, förstasidan'],
  ['actionListFirstPage', 'actionList', 'åtgärdslistan, förstasidan'],
  ['searchFirstPage', 'search', 'beslutssökning i gruppen, förstasidan'],
  ['searchAllGroupsFirstPage', 'searchAllGroups', 'beslutssökning i alla grupper, förstasidan'],
];

/** p50 of the full database over p50 of the empty one: the issue's goal is at most 2. */
export const slowdown = (result: TenYearsResult, key: keyof TenYearsResult['full']): number => result.full[key].p50 / result.empty[key].p50;

/** `count` notes typed one after the other in the group's running meeting, each answered before the next. */
export async function commandTimes(send: (text: string) => Promise<void>, count = 40): Promise<Summary> {
  await send('anteckning Uppvärmning.');
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await timed(() => send(`anteckning Punkt ${i} diskuterades.`)));
  return summarise(samples);
}

/**
 * One group driven through the bot (a past meeting with a decision and an action, and a meeting
 * running now), measured on the database as it is, then again after `scale` worth of history was
 * loaded around it and behind it.
 */
export async function tenYears(
  appUrl: string, connector: BotConnectorServer, store: StoreConnection, scale: TenYearsScale, log: (what: string) => void,
): Promise<TenYearsResult> {
  const channel = await groupInMeeting(appUrl, connector, 'tioar', 12);
  const send = (text: string) => mustDeliver(appUrl, channel.message(secretary, text, tick()));
  await send('nästa');
  await send('beslut anta arbetsordningen för samverkan');
  await send('åtgärd Skicka ut arbetsordningen ansvarig Person 1');
  await send('avsluta');
  await send('starta');
  const group = await store.db.selectFrom('groups').select('id').where('name', '=', 'Bänkgrupp tioar').executeTakeFirstOrThrow();
  const past = await store.db.selectFrom('meetings').select('id').where('group_id', '=', group.id).where('status', '=', 'justering').executeTakeFirstOrThrow();
  // The region's groups are there (with calendars, without history) for the empty figures too: what
  // is compared is ten years of meetings, not how many groups there are. The search in all groups and
  // the scheduler's pass then go over the same groups both times.
  await addTenYearGroups(store, scale);
  // The lists' page lengths on the empty database: with history they are asked for as many rows.
  const emptyPages = await firstPageLengths(appUrl, group.id);
  const measure = async () => ({ ...(await historyFigures(appUrl, store, group.id, past.id, emptyPages)), command: await commandTimes(send) });
  log('tio år: mätning på tom databas');
  const emptyFigures = await measure();
  const scheduler = await startSchedulerInstance(store);
  try {
    const calendarGroups = await linkEveryCalendar(store, scheduler);
    log(`tio år: schemaläggarens varv över ${calendarGroups} grupper utan historik`);
    const empty = { ...emptyFigures, schedulerPass: await passTimes(scheduler) };
    log(`tio år: laddar ${scale.groups} grupper × ${scale.years} år`);
    const seeded = await seedTenYears(store, scale, [group.id]);
    log(`tio år: mätning med historiken (${seeded.loadSeconds.toFixed(0)} s att ladda)`);
    const full = { ...(await measure()), schedulerPass: await passTimes(scheduler) };
    return { scale, seeded, empty, full, calendarGroups, pages: { empty: emptyPages, full: await firstPageLengths(appUrl, group.id) } };
  } finally {
    await scheduler.stop();
  }
}
