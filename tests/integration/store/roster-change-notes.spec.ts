/**
 * A roster change reaches the group's meetings by their status (migration 0032): the planned and
 * running ones are noted and notified (a side panel may be following them), the one awaiting
 * justering is noted only (the draft rule asks whether this transaction changed what it prints),
 * the others not at all. Checked for an added, an edited and a removed member, on every store.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { MeetingStatus } from '../../../bot/src/core/model';
import { LIVE_CHANNEL } from '../../../bot/src/store/meeting-change-feed';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { describeEachStore } from '../../support/stores';

const STATUSES: Array<{ status: MeetingStatus; noted: boolean; notified: boolean }> = [
  { status: 'planerat', noted: true, notified: true },
  { status: 'pågår', noted: true, notified: true },
  { status: 'utkast', noted: false, notified: false },
  { status: 'justering', noted: true, notified: false },
  { status: 'justerat', noted: false, notified: false },
  { status: 'inställt', noted: false, notified: false },
];

describeEachStore('roster change notes per meeting status', (store) => {
  const repos = () => repositoriesFor(store().db);
  const heard: string[] = [];
  const awaited = new Map<string, () => void>();
  let stopListening: () => Promise<void>;

  beforeAll(async () => {
    stopListening = await store().listen(LIVE_CHANNEL, (payload) => {
      heard.push(payload);
      awaited.get(payload)?.();
    }, () => undefined);
  });
  afterAll(async () => {
    await stopListening();
  });

  /** Every notification committed so far has arrived: they arrive in commit order, so a marker sent now comes after them. */
  async function settled(): Promise<void> {
    const marker = `settled-${randomUUID()}`;
    const arrived = new Promise<void>((resolve) => awaited.set(marker, resolve));
    await sql`select pg_notify(${LIVE_CHANNEL}, ${marker})`.execute(store().db);
    await arrived;
    awaited.delete(marker);
  }

  it('one trigger on the roster does it (0022 and 0026 each had their own)', async () => {
    const triggers = await sql<{ tgname: string }>`
      select tgname from pg_trigger where tgrelid = 'roster_members'::regclass and not tgisinternal order by tgname`.execute(store().db);
    expect(triggers.rows.map((t) => t.tgname)).toEqual(['roster_members_noted']);
  });

  it.each(STATUSES)('$status: noted $noted, notified $notified', async ({ status, noted, notified }) => {
    const group = await repos().groups.create({ name: `Rostergrupp ${status}`, decidingBody: 'Gruppen' });
    const meeting = await repos().meetings.create(group.id, { startsAt: '2024-02-16T07:15:00.000Z' });
    if (status !== 'planerat') await repos().meetings.update(group.id, meeting.id, { status });
    // Another group's roster is not this meeting's: it changes nothing here.
    const other = await repos().groups.create({ name: `Annan grupp ${status}`, decidingBody: 'Gruppen' });
    await repos().meetings.create(other.id, {});

    const changes: Array<[string, () => Promise<unknown>]> = [
      ['added', () => repos().roster.upsert(group.id, [{ name: 'Åsa Öberg', title: 'MAS', principal: 'Ronneby kommun', roles: ['ledamot'] }])],
      ['edited', () => repos().roster.upsert(group.id, [{ name: 'Åsa Öberg', title: 'enhetschef', principal: 'Ronneby kommun', roles: ['ledamot'] }])],
      ['removed', () => sql`delete from roster_members where group_id = ${group.id}`.execute(store().db)],
    ];
    const seen: Array<[string, number, boolean]> = [];
    const otherChange = () => repos().roster.upsert(other.id, [{ name: 'Nils Nykomling', title: 'ledamot', principal: 'Region Blekinge', roles: ['ledamot'] }]);
    for (const [what, change] of [['other group', otherChange] as const, ...changes]) {
      await settled();
      const from = heard.length;
      const before = await repos().meetings.changeNumber(group.id, meeting.id);
      await change();
      await settled();
      const after = await repos().meetings.changeNumber(group.id, meeting.id);
      seen.push([what, after - before, heard.slice(from).includes(meeting.id)]);
    }
    expect(seen).toEqual([
      ['other group', 0, false],
      ...changes.map(([what]) => [what, noted ? 1 : 0, notified]),
    ]);
  });
});
