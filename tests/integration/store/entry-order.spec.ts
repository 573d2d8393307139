/**
 * What is recorded under a paragraph comes back in the order it was recorded: by time, then by
 * arrival (one sequence shared by notes, decisions and actions, migration 0013), so entries with the
 * same timestamp keep the order they were inserted in, on PGlite and on PostgreSQL alike. Also: the
 * paragraph's outcome and recipients take their place from the same sequence, and the migration
 * numbers entries recorded before it in the order they used to print.
 */
import { sql } from 'kysely';
import type { AgendaItem } from '../../../bot/src/core/model';
import { connectPglite, connectPostgres, type StoreConnection } from '../../../bot/src/store/database';
import { migrate } from '../../../bot/src/store/migrate';
import { migrations } from '../../../bot/src/store/migrations';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { describeEachStore, freshSchemaName, testStores } from '../../support/stores';

const AT = '2024-02-16T08:01:00.000Z';
const LATER = '2024-02-16T08:05:00.000Z';

describeEachStore('entries under a paragraph', (store) => {
  const repos = () => repositoriesFor(store().db);
  let n = 0;
  const paragraph = async () => {
    const group = await repos().groups.create({ name: `Ordning ${++n}`, decidingBody: 'LSVO' });
    const meeting = await repos().meetings.create(group.id, { startsAt: AT });
    const item = await repos().agenda.insert(group.id, {
      meetingId: meeting.id, parentId: null, position: 0, section: null, title: 'Budget 2025', typeTag: null,
      standardKind: null, number: 1, presenters: [], outcome: 'open', recipients: [], carriedFromItemId: null,
    });
    return { group, meeting, item };
  };

  it('keep the order they arrived in when their timestamps are the same (a random id decided before)', async () => {
    const { meeting, item } = await paragraph();
    const clauses = Array.from({ length: 12 }, (_, i) => `beslutssats ${i + 1}`);
    for (const clause of clauses) await repos().records.addDecision(meeting.id, { itemId: item.id, clause, quorate: true, createdAt: AT });
    const texts = Array.from({ length: 12 }, (_, i) => `anteckning ${i + 1}`);
    for (const text of texts) await repos().records.addNote(meeting.id, { itemId: item.id, text, createdAt: AT });

    expect((await repos().records.decisions(meeting.id)).map((d) => d.clause)).toEqual(clauses);
    expect((await repos().records.notes(meeting.id)).map((d) => d.text)).toEqual(texts);
  });

  it('number notes, decisions and actions from one sequence, in the order they were inserted', async () => {
    const { group, meeting, item } = await paragraph();
    const note = await repos().records.addNote(meeting.id, { itemId: item.id, text: 'A', createdAt: AT });
    const decision = await repos().records.addDecision(meeting.id, { itemId: item.id, clause: 'X', quorate: true, createdAt: AT });
    const action = await repos().actions.add({
      groupId: group.id, meetingId: meeting.id, itemId: item.id, text: 'Skicka ut', ownerMemberId: null, ownerName: null, dueDate: null, createdAt: AT,
    });
    const second = await repos().records.addNote(meeting.id, { itemId: item.id, text: 'B', createdAt: AT });
    const seqs = [note.seq, decision.seq, action.seq, second.seq];
    expect(seqs.every(Number.isSafeInteger)).toBe(true);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(4);
    // read back with the same numbers
    expect((await repos().records.notes(meeting.id)).map((x) => x.seq)).toEqual([note.seq, second.seq]);
    expect((await repos().actions.listForMeeting(group.id, meeting.id)).map((x) => x.seq)).toEqual([action.seq]);
  });

  it('order by time first: an activity delivered late keeps its place', async () => {
    const { meeting, item } = await paragraph();
    await repos().records.addNote(meeting.id, { itemId: item.id, text: 'skickad 08.05', createdAt: LATER });
    await repos().records.addNote(meeting.id, { itemId: item.id, text: 'skickad 08.01, levererad sent', createdAt: AT });
    expect((await repos().records.notes(meeting.id)).map((x) => x.text)).toEqual(['skickad 08.01, levererad sent', 'skickad 08.05']);
  });

  it('note when the outcome was recorded every time, and when the first recipients were', async () => {
    const { meeting, item } = await paragraph();
    const reread = async (): Promise<AgendaItem> => (await repos().agenda.list(meeting.id))[0]!;
    expect(await reread()).toMatchObject({ outcomeRecorded: null, recipientsRecorded: null });

    const before = await repos().records.addNote(meeting.id, { itemId: item.id, text: 'A', createdAt: AT });
    await repos().agenda.update(meeting.id, item.id, { outcome: 'information', recordedAt: AT });
    await repos().agenda.update(meeting.id, item.id, { recipients: ['LSVO'], recordedAt: AT });
    const first = await reread();
    expect(first.outcomeRecorded).toEqual({ at: AT, seq: expect.any(Number) });
    expect(first.recipientsRecorded).toEqual({ at: AT, seq: expect.any(Number) });
    expect(first.outcomeRecorded!.seq).toBeGreaterThan(before.seq);
    expect(first.recipientsRecorded!.seq).toBeGreaterThan(first.outcomeRecorded!.seq);

    // recorded again later: the outcome moves, the recipients stay where the first were
    await repos().agenda.update(meeting.id, item.id, { outcome: 'postponed', recordedAt: LATER });
    await repos().agenda.update(meeting.id, item.id, { recipients: ['LSVO', 'Region Blekinge'], recordedAt: LATER });
    const second = await reread();
    expect(second).toMatchObject({ outcome: 'postponed', recipients: ['LSVO', 'Region Blekinge'], recipientsRecorded: first.recipientsRecorded });
    expect(second.outcomeRecorded!.at).toBe(LATER);
    expect(second.outcomeRecorded!.seq).toBeGreaterThan(first.recipientsRecorded!.seq);

    // a change that records nothing (a decision's `decided`, a rename) leaves both alone
    await repos().agenda.update(meeting.id, item.id, { title: 'Budget 2026' });
    expect(await reread()).toMatchObject({ outcomeRecorded: second.outcomeRecorded, recipientsRecorded: second.recipientsRecorded });
  });
});

/** A database with the migrations before 0013 only, on each store. */
async function openBefore0013(kind: 'pglite' | 'postgresql'): Promise<StoreConnection> {
  const connection = kind === 'pglite' ? await connectPglite(null) : await connectPostgres(process.env.DATABASE_URL!, freshSchemaName());
  await migrate(connection.db, migrations.slice(0, migrations.findIndex((m) => m.id === '0013-entry-sequence')));
  return connection;
}

describe.each(testStores().map((s) => s.name))('migration 0013 on entries recorded before it [%s]', (kind) => {
  it('numbers them by time, a note before a decision before an action at the same time, as they printed; new ones come after', async () => {
    const connection = await openBefore0013(kind);
    try {
      const { db } = connection;
      const { rows: [group] } = await sql<{ id: string }>`insert into groups (name, name_key, deciding_body) values ('LSVO', 'lsvo', 'LSVO') returning id`.execute(db);
      const { rows: [meeting] } = await sql<{ id: string }>`insert into meetings (group_id) values (${group!.id}) returning id`.execute(db);
      const { rows: [item] } = await sql<{ id: string }>`
        insert into agenda_items (meeting_id, group_id, position, title, outcome) values (${meeting!.id}, ${group!.id}, 0, 'Budget', 'information') returning id`.execute(db);
      const ids = { meeting: meeting!.id, item: item!.id, group: group!.id };
      await sql`insert into action_items (group_id, meeting_id, item_id, text, created_at) values (${ids.group}, ${ids.meeting}, ${ids.item}, 'åtgärd 08.01', ${AT})`.execute(db);
      await sql`insert into decisions (meeting_id, item_id, clause, quorate, created_at) values (${ids.meeting}, ${ids.item}, 'beslut 08.01', true, ${AT})`.execute(db);
      await sql`insert into notes (meeting_id, item_id, text, created_at) values (${ids.meeting}, ${ids.item}, 'anteckning 08.05', ${LATER})`.execute(db);
      await sql`insert into notes (meeting_id, item_id, text, created_at) values (${ids.meeting}, ${ids.item}, 'anteckning 08.01', ${AT})`.execute(db);

      expect(await migrate(db)).toEqual(migrations.slice(migrations.findIndex((m) => m.id === '0013-entry-sequence')).map((m) => m.id));

      const repos = repositoriesFor(db);
      const added = await repos.records.addNote(ids.meeting, { itemId: ids.item, text: 'efter migreringen', createdAt: AT });
      const entries = [
        ...(await repos.records.notes(ids.meeting)).map((x) => [x.seq, x.text] as const),
        ...(await repos.records.decisions(ids.meeting)).map((x) => [x.seq, x.clause] as const),
        ...(await repos.actions.listForMeeting(ids.group, ids.meeting)).map((x) => [x.seq, x.text] as const),
      ].sort((a, b) => a[0] - b[0]);
      expect(entries).toEqual([
        [1, 'anteckning 08.01'], [2, 'beslut 08.01'], [3, 'åtgärd 08.01'], [4, 'anteckning 08.05'], [added.seq, 'efter migreringen'],
      ]);
      expect(added.seq).toBe(5);
      // the outcome recorded before has no place of its own: the protokoll prints it after the entries
      expect((await repos.agenda.list(ids.meeting))[0]).toMatchObject({ outcome: 'information', outcomeRecorded: null, recipientsRecorded: null });
    } finally {
      await connection.close();
    }
  });
});
