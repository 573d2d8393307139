/**
 * GET /api/groups/{id}/actions, one page as the tab asks for it, with 10,000 and then 100,000
 * actions in the group (inserted in one statement each, then ANALYZE, as autovacuum would after a
 * bulk load). The pages asked for rotate over what the tab offers: each status, one owner's open
 * actions, the ownerless ones, and a page far down the list by its cursor; every first page also
 * counts the actions per status. Besides the HTTP latency: the use case the route runs (read the
 * rows and map them) and turning the answer into JSON.
 */
import { sql } from 'kysely';
import type { StoreConnection } from '../bot/src/store/database';
import { DatabaseUnitOfWork } from '../bot/src/store/unit-of-work';
import { listActions } from '../bot/src/core/use-cases/action-list';
import { summarise, timed, type Summary } from './stats';

export const ACTION_COUNTS = [10_000, 100_000] as const;
/** how far down the list the deep page starts (pages of 100) */
const DEEP_PAGE = 50;

export interface ActionListResult {
  actions: number;
  /** every page asked for, all kinds together */
  latency: Summary;
  byKind: Array<{ kind: string; latency: Summary }>;
  /** the tab's first page (open actions) */
  bytes: number;
  /** the route's use case (database read and mapping), and JSON.stringify of its answer, for the first page of all actions */
  useCase: Summary;
  json: Summary;
}

/**
 * Actions numbered `from` … `to - 1` in the group, each older than the one before (the list's end),
 * spread over the group's agenda items; owners rotate over the roster, with every twelfth owned by
 * nobody and every twelfth by a free-text name; every fourth done, due dates over a year.
 */
export async function seedActions(store: StoreConnection, groupId: string, from: number, to: number): Promise<void> {
  const items = await store.db.selectFrom('agenda_items').select(['id', 'meeting_id']).where('group_id', '=', groupId).orderBy('created_at').execute();
  const roster = await store.db.selectFrom('roster_members').select(['id', 'name']).where('group_id', '=', groupId).orderBy('position').execute();
  const uuids = (values: string[]) => sql`${`{${values.join(',')}}`}::uuid[]`;
  const texts = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
  await sql`insert into action_items (group_id, meeting_id, item_id, text, owner_member_id, owner_name, due_date, status, created_at)
    select ${groupId}::uuid, (${uuids(items.map((i) => i.meeting_id))})[1 + n % ${items.length}::int], (${uuids(items.map((i) => i.id))})[1 + n % ${items.length}::int],
           'Åtgärd nummer ' || n,
           case when n % 12 < 10 then (${uuids(roster.map((r) => r.id))})[1 + n % ${roster.length}::int] end,
           case when n % 12 < 10 then (${texts(roster.map((r) => r.name))})[1 + n % ${roster.length}::int] when n % 12 = 10 then 'Extern konsult' end,
           date '2025-01-01' + (n % 400), case when n % 4 = 0 then 'done' else 'open' end,
           timestamptz '2025-06-01T12:00:00Z' - n * interval '1 minute'
    from generate_series(${from}::int, ${to - 1}::int) as n`.execute(store.db);
  await sql`vacuum analyze action_items`.execute(store.db);
}

/** The pages the bench rotates over: the tab's first page of each filter, and one far down the list. */
async function pageKinds(url: string, groupId: string, ownerId: string): Promise<Array<{ kind: string; path: string }>> {
  const base = `${url}/api/groups/${groupId}/actions`;
  let cursor: string | null = null;
  for (let i = 0; i < DEEP_PAGE; i++) {
    const path = `${base}?status=all${cursor ? `&cursor=${cursor}` : ''}`;
    // The first request after the seeding may find its kept-alive socket closed by the server: once more on a new one.
    const res = await fetch(path).catch(() => fetch(path));
    const page = (await res.json()) as { nextCursor: string | null };
    cursor = page.nextCursor;
  }
  return [
    { kind: 'öppna', path: `${base}?status=open` },
    { kind: 'alla', path: `${base}?status=all` },
    { kind: 'försenade', path: `${base}?status=overdue` },
    { kind: 'klara', path: `${base}?status=done` },
    { kind: 'en ansvarigs öppna', path: `${base}?status=open&owner=${ownerId}` },
    { kind: 'utan ansvarig', path: `${base}?status=all&owner=none` },
    { kind: `sida ${DEEP_PAGE + 1} av alla`, path: `${base}?status=all&cursor=${cursor}` },
  ];
}

/** `rounds` of every kind of page, or as many as fit in `budgetMs` (at least `minimum`). */
export async function actionListTimes(
  url: string,
  store: StoreConnection,
  groupId: string,
  actions: number,
  limits: { rounds: number; minimum: number; budgetMs: number },
): Promise<ActionListResult> {
  const owner = await store.db.selectFrom('roster_members').select('id').where('group_id', '=', groupId).orderBy('position').executeTakeFirstOrThrow();
  const kinds = await pageKinds(url, groupId, owner.id);
  const samples = new Map<string, number[]>(kinds.map((k) => [k.kind, []]));
  let bytes = 0;
  const get = async (path: string) => {
    const res = await fetch(path);
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${path}`);
    return body.byteLength;
  };
  for (const k of kinds) await get(k.path);
  const started = Date.now();
  for (let round = 0; round < limits.rounds && (round < limits.minimum || Date.now() - started < limits.budgetMs); round++) {
    for (const k of kinds) {
      samples.get(k.kind)!.push(await timed(async () => {
        const size = await get(k.path);
        if (k.kind === 'öppna') bytes = size;
      }));
    }
  }

  const uow = new DatabaseUnitOfWork(store.db);
  const viewer = { aadObjectId: '', developmentUser: true };
  const useCase: number[] = [];
  const json: number[] = [];
  for (let i = 0; i < 10; i++) {
    let answer: unknown;
    useCase.push(await timed(async () => {
      answer = await uow.read((repos) => listActions(repos, viewer, groupId, { status: 'all' }, '2025-06-01'));
    }));
    json.push(await timed(async () => JSON.stringify(answer)));
  }
  return {
    actions,
    latency: summarise([...samples.values()].flat()),
    byKind: kinds.map((k) => ({ kind: k.kind, latency: summarise(samples.get(k.kind)!) })),
    bytes,
    useCase: summarise(useCase),
    json: summarise(json),
  };
}
