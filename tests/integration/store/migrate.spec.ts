import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connectPglite } from '../../../bot/src/store/database';
import { migrate, splitStatements } from '../../../bot/src/store/migrate';
import { migrations } from '../../../bot/src/store/migrations';
import { describeEachStore } from '../../support/stores';

describeEachStore('migrations', (store) => {
  it('are already applied once, and applying again changes nothing', async () => {
    const { db } = store();
    const before = await sql<{ id: string }>`select id from schema_migrations order by id`.execute(db);
    expect(before.rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id));

    await expect(migrate(db)).resolves.toEqual([]);
    const after = await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(db);
    expect(after.rows[0]?.n).toBe(migrations.length);
  });

  it('create every table the store uses', async () => {
    const { db } = store();
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() order by table_name`.execute(db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'action_items', 'agenda_items', 'approvals', 'attendance_intervals', 'bot_state', 'conversations',
        'decisions', 'document_versions', 'groups', 'meetings', 'notes', 'paragraph_visits',
        'processed_activities', 'roster_members', 'schema_migrations',
      ]),
    );
  });
});

describe('migrations on a persisted PGlite directory', () => {
  it('start on an empty database, stop, start again: no error, no duplicate rows', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-migrate-'));
    try {
      const first = await connectPglite(directory);
      expect(await migrate(first.db)).toEqual(migrations.map((m) => m.id));
      await first.db.insertInto('groups').values({ name: 'LSVO', name_key: 'lsvo', deciding_body: 'LSVO' }).execute();
      await first.close();

      const second = await connectPglite(directory);
      expect(await migrate(second.db)).toEqual([]);
      const groups = await second.db.selectFrom('groups').select('name').execute();
      const applied = await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(second.db);
      await second.close();
      expect(groups).toEqual([{ name: 'LSVO' }]);
      expect(applied.rows[0]?.n).toBe(migrations.length);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('splitStatements', () => {
  it('splits on semicolons at line ends and drops comment-only lines', () => {
    expect(splitStatements('-- note\ncreate table a (x int);\n\ncreate index b on a (x);\n')).toEqual([
      'create table a (x int)',
      'create index b on a (x)',
    ]);
  });

  it('keeps a function body between $$ and $$ whole, semicolons at its line ends and all', () => {
    const script = 'create function f() returns trigger language plpgsql as $$\nbegin\n  update a set x = 1;\n  return null;\nend;\n$$;\n\ncreate trigger t after insert on a for each row execute function f();\n';
    expect(splitStatements(script)).toEqual([
      'create function f() returns trigger language plpgsql as $$\nbegin\n  update a set x = 1;\n  return null;\nend;\n$$',
      'create trigger t after insert on a for each row execute function f()',
    ]);
  });
});
