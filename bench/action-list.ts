/** GET /api/groups/{id}/actions with 10,000 actions in the group (inserted in one statement). */
import { sql } from 'kysely';
import type { StoreConnection } from '../bot/src/store/database';
import { summarise, timed, type Summary } from './stats';

export const ACTION_COUNT = 10_000;

export async function seedActions(store: StoreConnection, groupName: string): Promise<string> {
  const group = await store.db.selectFrom('groups').select('id').where('name', '=', groupName).executeTakeFirstOrThrow();
  const item = await store.db.selectFrom('agenda_items').select(['id', 'meeting_id']).where('group_id', '=', group.id).orderBy('created_at').executeTakeFirstOrThrow();
  await sql`insert into action_items (group_id, meeting_id, item_id, text, owner_name, due_date, status, created_at)
    select ${group.id}::uuid, ${item.meeting_id}::uuid, ${item.id}::uuid, 'Åtgärd nummer ' || n, 'Person ' || (n % 30),
           date '2025-01-01' + (n % 400), case when n % 4 = 0 then 'done' else 'open' end, now() - n * interval '1 minute'
    from generate_series(1, ${ACTION_COUNT}) as n`.execute(store.db);
  return group.id;
}

export async function actionListTimes(url: string, groupId: string, requests: number): Promise<{ latency: Summary; bytes: number }> {
  let bytes = 0;
  const get = async () => {
    const res = await fetch(`${url}/api/groups/${groupId}/actions?status=all`);
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    bytes = body.byteLength;
  };
  for (let i = 0; i < 5; i++) await get();
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) samples.push(await timed(get));
  return { latency: summarise(samples), bytes };
}
