/**
 * The roster with several roles, a party and an e-mail per entry, on every store: kept in the
 * order typed, updated in place by name, an identity Teams vouched for never replaced by a typed
 * e-mail; and migration 0010 bringing rosters of one role each along.
 */
import { sql } from 'kysely';
import { connectPglite, connectPostgres, type StoreConnection } from '../../../bot/src/store/database';
import { migrate } from '../../../bot/src/store/migrate';
import { migrations } from '../../../bot/src/store/migrations';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { nameKey } from '../../../bot/src/store/rows';
import { describeEachStore, freshSchemaName } from '../../support/stores';

describeEachStore('roster roles', (store, kind) => {
  const repos = () => repositoriesFor(store().db);
  let groups = 0;
  const newGroup = () => repos().groups.create({ name: `Nämnden ${++groups}`, decidingBody: 'Nämnden' });
  const view = (roster: Awaited<ReturnType<ReturnType<typeof repos>['roster']['list']>>) =>
    roster.map((m) => ({ name: m.name, roles: m.roles, role: m.role, party: m.party, email: m.email }));

  it('stores every role in the order typed, the party and the e-mail, and lists the roster in the order typed', async () => {
    const group = await newGroup();
    const roster = await repos().roster.upsert(group.id, [
      { name: 'Sandra Johansson', title: 'processledare LOS', principal: 'Region Blekinge', roles: ['sekreterare', 'ledamot'], email: 'sandra.johansson@regionblekinge.se' },
      { name: 'Karin Berg', title: 'regionråd', principal: 'Region Blekinge', roles: ['ordförande'], party: 'S' },
      { name: 'Anna Hedlund', title: 'MAS', principal: 'Karlskrona kommun', roles: ['ledamot'] },
      { name: 'Ann Ek', title: 'regionråd', principal: 'Region Blekinge', roles: ['ledamot', 'ledamot', 'vice ordförande'], party: 'M' },
    ]);
    expect(view(roster)).toEqual([
      { name: 'Sandra Johansson', roles: ['sekreterare', 'ledamot'], role: 'sekreterare', party: null, email: 'sandra.johansson@regionblekinge.se' },
      { name: 'Karin Berg', roles: ['ordförande'], role: 'ordförande', party: 'S', email: null },
      { name: 'Anna Hedlund', roles: ['ledamot'], role: 'ledamot', party: null, email: null },
      { name: 'Ann Ek', roles: ['ledamot', 'vice ordförande'], role: 'ledamot', party: 'M', email: null },
    ]);
    expect(view(await repos().roster.list(group.id))).toEqual(view(roster));
    // the old single-role column keeps the first role, for whatever still reads it
    const rows = await store().db.selectFrom('roster_members').select(['name', 'role']).where('group_id', '=', group.id).execute();
    expect(Object.fromEntries(rows.map((r) => [r.name, r.role]))).toEqual({ 'Sandra Johansson': 'sekreterare', 'Karin Berg': 'ordförande', 'Anna Hedlund': 'ledamot', 'Ann Ek': 'ledamot' });
  });

  it('a re-typed name updates its roles, party and e-mail in place; new names go last; a line without e-mail keeps the stored one', async () => {
    const group = await newGroup();
    await repos().roster.upsert(group.id, [
      { name: 'Karin Berg', title: 'regionråd', principal: 'Region Blekinge', roles: ['ledamot'], party: 'S', email: 'karin.berg@regionblekinge.se' },
      { name: 'Per Öst', title: 'regionråd', principal: 'Region Blekinge', roles: ['ersättare'] },
    ]);
    const roster = await repos().roster.upsert(group.id, [
      { name: 'Mia Lund', title: 'ledamot', principal: 'Ronneby kommun', roles: ['ledamot'] },
      { name: 'KARIN  BERG'.replace('  ', ' '), title: 'regionråd', principal: 'Region Blekinge', roles: ['ordförande', 'ledamot'], party: 'V' },
      { name: 'per öst', title: 'regionråd', principal: 'Region Blekinge', roles: ['ledamot'], party: 'M', email: 'Per.Ost@RegionBlekinge.se' },
    ]);
    expect(view(roster)).toEqual([
      { name: 'KARIN BERG', roles: ['ordförande', 'ledamot'], role: 'ordförande', party: 'V', email: 'karin.berg@regionblekinge.se' },
      { name: 'per öst', roles: ['ledamot'], role: 'ledamot', party: 'M', email: 'per.ost@regionblekinge.se' },
      { name: 'Mia Lund', roles: ['ledamot'], role: 'ledamot', party: null, email: null },
    ]);
    // a changed e-mail replaces the old one; a line without a party clears it
    const again = await repos().roster.upsert(group.id, [{ name: 'Karin Berg', title: 'regionråd', principal: 'Region Blekinge', roles: ['ordförande'], email: 'karin.berg@ronneby.se' }]);
    expect(view(again)[0]).toEqual({ name: 'Karin Berg', roles: ['ordförande'], role: 'ordförande', party: null, email: 'karin.berg@ronneby.se' });
  });

  it('a typed e-mail never replaces the Entra object id or Teams user id already tied to the entry', async () => {
    const group = await newGroup();
    const [karin] = await repos().roster.upsert(group.id, [{ name: 'Karin Berg', title: 'regionråd', principal: 'Region Blekinge', roles: ['ledamot'], email: 'karin@regionblekinge.se' }]);
    const aad = 'a0000000-0000-4000-8000-0000000000aa';
    await repos().roster.rememberIdentity(group.id, karin!.id, { aadObjectId: aad, teamsUserId: '29:karin' });
    const [after] = await repos().roster.upsert(group.id, [
      { name: 'Karin Berg', title: 'regionråd', principal: 'Region Blekinge', roles: ['sekreterare', 'ledamot'], email: 'someone.else@example.se', aadObjectId: 'b0000000-0000-4000-8000-0000000000bb' },
    ]);
    expect(after).toMatchObject({ id: karin!.id, roles: ['sekreterare', 'ledamot'], email: 'someone.else@example.se', aadObjectId: aad, teamsUserId: '29:karin' });
    expect((await repos().roster.findByAadObjectId(group.id, aad))?.id).toBe(karin!.id);
  });

  it('the database refuses an entry without roles, or whose single role is not its first', async () => {
    const group = await newGroup();
    const row = (name: string, role: string, roles: string) => ({
      group_id: group.id, name, name_key: nameKey(name), role, roles, position: 1,
    });
    await expect(store().db.insertInto('roster_members').values(row('Utan Roll', 'ledamot', '[]')).execute()).rejects.toThrow(/roster_members_roles_check/);
    await expect(store().db.insertInto('roster_members').values(row('Fel Roll', 'ledamot', '["sekreterare", "ledamot"]')).execute()).rejects.toThrow(/roster_members_roles_check/);
  });

  it('migration 0010 gives existing entries their one role and keeps the order they were listed in (huvudman, then name)', async () => {
    const fresh: StoreConnection = kind === 'pglite' ? await connectPglite(null) : await connectPostgres(process.env.DATABASE_URL!, freshSchemaName());
    try {
      const before = migrations.findIndex((m) => m.id === '0010-roster-roles');
      expect(before).toBeGreaterThan(0);
      await migrate(fresh.db, migrations.slice(0, before));
      const [group] = (await sql<{ id: string }>`insert into groups (name, name_key, deciding_body) values ('LSVO', 'lsvo', 'LSVO') returning id`.execute(fresh.db)).rows;
      for (const [name, principal, role] of [
        ['Sandra Johansson', 'Region Blekinge', 'sekreterare'], ['Anna Hedlund', 'Karlskrona kommun', 'ledamot'], ['Mats Wennstig', 'Region Blekinge', 'ordförande'],
      ]) {
        await sql`insert into roster_members (group_id, name, name_key, principal, role) values (${group!.id}, ${name}, ${nameKey(name!)}, ${principal}, ${role})`.execute(fresh.db);
      }
      expect(await migrate(fresh.db)).toEqual(migrations.slice(before).map((m) => m.id));
      const roster = await repositoriesFor(fresh.db).roster.list(group!.id);
      expect(roster.map((m) => [m.name, m.roles, m.role])).toEqual([
        ['Anna Hedlund', ['ledamot'], 'ledamot'],
        ['Mats Wennstig', ['ordförande'], 'ordförande'],
        ['Sandra Johansson', ['sekreterare'], 'sekreterare'],
      ]);
      // a name added after the migration goes last
      const added = await repositoriesFor(fresh.db).roster.upsert(group!.id, [{ name: 'Carina Fransson', title: '', principal: 'Blekinge', roles: ['ersättare'] }]);
      expect(added.map((m) => m.name)).toEqual(['Anna Hedlund', 'Mats Wennstig', 'Sandra Johansson', 'Carina Fransson']);
    } finally {
      await fresh.close();
    }
  });
});
