/**
 * GET /api/groups/{id}/actions?status=all (what the tab asks for) with 10,000 actions in the group,
 * inserted in one statement. Besides the HTTP latency, where the time goes: the use case the route
 * runs (read the rows and map them) and turning the answer into JSON.
 */
import { sql } from 'kysely';
import type { StoreConnection } from '../bot/src/store/database';
import { DatabaseUnitOfWork } from '../bot/src/store/unit-of-work';
import { listActions } from '../bot/src/core/use-cases/action-list';
import { summarise, timed, type Summary } from './stats';

export const ACTION_COUNT = 10_000;

export interface ActionListResult {
  latency: Summary;
  bytes: number;
  /** the route's use case (database read and mapping), and JSON.stringify of its answer */
  useCase: Summary;
  json: Summary;
}

export async function seedActions(store: StoreConnection, groupName: string): Promise<string> {
  const group = await store.db.selectFrom('groups').select('id').where('name', '=', groupName).executeTakeFirstOrThrow();
  const item = await store.db.selectFrom('agenda_items').select(['id', 'meeting_id']).where('group_id', '=', group.id).orderBy('created_at').executeTakeFirstOrThrow();
  await sql`insert into action_items (group_id, meeting_id, item_id, text, owner_name, due_date, status, created_at)
    select ${group.id}::uuid, ${item.meeting_id}::uuid, ${item.id}::uuid, 'Åtgärd nummer ' || n, 'Person ' || (n % 30),
           date '2025-01-01' + (n % 400), case when n % 4 = 0 then 'done' else 'open' end, now() - n * interval '1 minute'
    from generate_series(1, ${ACTION_COUNT}) as n`.execute(store.db);
  return group.id;
}

/** `requests` GETs, or as many as fit in `budgetMs` (at least `minimum`). */
export async function actionListTimes(
  url: string,
  store: StoreConnection,
  groupId: string,
  limits: { requests: number; minimum: number; budgetMs: number },
): Promise<ActionListResult> {
  let bytes = 0;
  const get = async () => {
    const res = await fetch(`${url}/api/groups/${groupId}/actions?status=all`);
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    bytes = body.byteLength;
  };
  for (let i = 0; i < 3; i++) await get();
  const samples: number[] = [];
  const started = Date.now();
  while (samples.length < limits.requests && (samples.length < limits.minimum || Date.now() - started < limits.budgetMs)) {
    samples.push(await timed(get));
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
  return { latency: summarise(samples), bytes, useCase: summarise(useCase), json: summarise(json) };
}
