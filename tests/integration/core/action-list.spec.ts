/**
 * The tab's action list in pages, on a real store: keyset pages newest first that add up to the
 * whole list (also across actions recorded in the same instant, and when a new action arrives
 * between two pages), status and owner filters applied in the database, the count per status on the
 * first page, and every bad status, owner, limit or cursor refused with a Swedish message.
 */
import { randomUUID } from 'node:crypto';
import type { ActionItem } from '../../../bot/src/core/model';
import type { ActionStatusFilter } from '../../../bot/src/core/ports';
import { actionOwners, listActions, type ActionListQuery } from '../../../bot/src/core/use-cases/action-list';
import type { Viewer } from '../../../bot/src/core/use-cases/tab-queries';
import { describeUseCase, expectDomainError, type GroupFixture } from '../../support/use-case-fixture';

const TODAY = '2024-06-01';
const viewer: Viewer = { aadObjectId: 'dev', developmentUser: true };
const BAD_CURSOR = 'Sidmarkören (cursor) gäller inte. Börja om från första sidan.';
const cursorOf = (tuple: unknown) => Buffer.from(JSON.stringify(tuple)).toString('base64url');

describeUseCase('action list pages', (fx) => {
  /**
   * 23 actions: created a minute apart, except that every fourth shares its instant with the one
   * before (the list then orders by the store's sequence). Owners rotate Mats, Rebecca, a free-text
   * name, nobody; every third is done; due dates alternate before and after TODAY.
   */
  async function groupWith23(): Promise<{ g: GroupFixture; actions: ActionItem[] }> {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ['Vårdplatsflöde'] });
    const item = (await fx.repos.agenda.list(meeting.id)).find((i) => i.title === 'Vårdplatsflöde')!;
    const actions: ActionItem[] = [];
    for (let n = 0; n < 23; n++) {
      const minute = n - Math.floor((n + 1) / 4);
      const owner = [g.members.mats, g.members.rebecca, 'Extern konsult', null][n % 4]!;
      const added = await fx.repos.actions.add({
        groupId: g.group.id, meetingId: meeting.id, itemId: item.id, text: `Åtgärd ${n}`,
        ownerMemberId: typeof owner === 'object' && owner ? owner.id : null,
        ownerName: typeof owner === 'string' ? owner : owner?.name ?? null,
        dueDate: n % 2 === 0 ? '2024-05-01' : '2024-07-01',
        createdAt: new Date(Date.parse('2024-02-16T09:00:00.000Z') + minute * 60_000).toISOString(),
      });
      actions.push(n % 3 === 0 ? (await fx.repos.actions.setStatus(g.group.id, added.id, 'done', 1))! : added);
    }
    return { g, actions };
  }

  /** Newest first: later instant first, and within one instant the later recorded first. */
  const listOrder = (actions: ActionItem[]) =>
    [...actions].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq).map((a) => a.text);

  async function allPages(groupId: string, query: ActionListQuery): Promise<{ texts: string[]; pages: number }> {
    const texts: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await fx.run((repos) => listActions(repos, viewer, groupId, { ...query, cursor }, TODAY));
      pages += 1;
      expect(page.actions.length).toBeLessThanOrEqual(Number(query.limit ?? 100));
      // the count per status comes with the first page only
      expect(page.totals === null).toBe(cursor !== undefined);
      texts.push(...page.actions.map((a) => a.text));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { texts, pages };
  }

  it('pages of 5 add up to the whole list, newest first, ties in recorded order, the last page without a cursor', async () => {
    const { g, actions } = await groupWith23();
    const { texts, pages } = await allPages(g.group.id, { status: 'all', limit: '5' });
    expect(pages).toBe(5);
    expect(texts).toEqual(listOrder(actions));
    // the tie is real: two actions share an instant and keep their recorded order, newest first
    expect(texts.slice(-4)).toEqual(['Åtgärd 3', 'Åtgärd 2', 'Åtgärd 1', 'Åtgärd 0']);
    expect(actions[3]!.createdAt).toBe(actions[2]!.createdAt);
  });

  it('a page that ends exactly at the last action says so: no cursor to an empty page', async () => {
    const { g } = await groupWith23();
    const page = await fx.run((repos) => listActions(repos, viewer, g.group.id, { status: 'all', limit: '23' }, TODAY));
    expect(page.actions).toHaveLength(23);
    expect(page.nextCursor).toBeNull();
  });

  it('an action recorded between two pages neither repeats nor skips a row of the next page', async () => {
    const { g, actions } = await groupWith23();
    const first = await fx.run((repos) => listActions(repos, viewer, g.group.id, { status: 'all', limit: '10' }, TODAY));
    const newest = actions[22]!;
    await fx.repos.actions.add({
      groupId: g.group.id, meetingId: newest.meetingId, itemId: newest.itemId, text: 'Nyare åtgärd', ownerMemberId: null, ownerName: null,
      dueDate: null, createdAt: '2024-02-17T09:00:00.000Z',
    });
    const second = await fx.run((repos) => listActions(repos, viewer, g.group.id, { status: 'all', limit: '10', cursor: first.nextCursor }, TODAY));
    expect([...first.actions, ...second.actions].map((a) => a.text)).toEqual(listOrder(actions).slice(0, 20));
  });

  const expected = (actions: ActionItem[], keep: (a: ActionItem) => boolean) => listOrder(actions.filter(keep));
  const overdue = (a: ActionItem) => a.status === 'open' && a.dueDate !== null && a.dueDate < TODAY;

  it.each<[ActionStatusFilter, (a: ActionItem) => boolean]>([
    ['open', (a) => a.status === 'open'],
    ['overdue', overdue],
    ['done', (a) => a.status === 'done'],
    ['all', () => true],
  ])('status=%s filters in the database, across pages', async (status, keep) => {
    const { g, actions } = await groupWith23();
    const { texts } = await allPages(g.group.id, { status, limit: '4' });
    expect(texts).toEqual(expected(actions, keep));
    expect(texts.length).toBeGreaterThan(0);
  });

  it('owner filters by roster member, or `none` for actions nobody owns (a free-text owner is someone), with totals for that owner', async () => {
    const { g, actions } = await groupWith23();
    const mats = g.members.mats.id;
    const { texts } = await allPages(g.group.id, { status: 'all', owner: mats, limit: '2' });
    expect(texts).toEqual(expected(actions, (a) => a.ownerMemberId === mats));
    const none = await allPages(g.group.id, { status: 'open', owner: 'none' });
    expect(none.texts).toEqual(expected(actions, (a) => a.ownerName === null && a.status === 'open'));

    const page = await fx.run((repos) => listActions(repos, viewer, g.group.id, { status: 'overdue', owner: mats.toUpperCase() }, TODAY));
    expect(page.actions.map((a) => a.text)).toEqual(expected(actions, (a) => a.ownerMemberId === mats && overdue(a)));
    const his = actions.filter((a) => a.ownerMemberId === mats);
    expect(page.totals).toEqual({
      open: his.filter((a) => a.status === 'open').length,
      overdue: his.filter(overdue).length,
      done: his.filter((a) => a.status === 'done').length,
      all: his.length,
    });
  });

  it('counts the whole group per status on the first page, whatever the status filter and page size', async () => {
    const { g, actions } = await groupWith23();
    const page = await fx.run((repos) => listActions(repos, viewer, g.group.id, { status: 'done', limit: '1' }, TODAY));
    expect(page.actions).toHaveLength(1);
    expect(page.totals).toEqual({
      open: actions.filter((a) => a.status === 'open').length,
      overdue: actions.filter(overdue).length,
      done: actions.filter((a) => a.status === 'done').length,
      all: 23,
    });
    expect(page.totals).toEqual({ open: 15, overdue: 8, done: 8, all: 23 });
  });

  it('the counts follow every write: new actions, status changes, a removed paragraph, a deleted roster entry', async () => {
    const { g, actions } = await groupWith23();
    const owners = [null, 'none', g.members.mats.id, g.members.rebecca.id] as const;
    /** the totals the list gives, and the same counted row by row from action_items */
    const both = async (owner: (typeof owners)[number]) => {
      const page = await fx.run((repos) => listActions(repos, viewer, g.group.id, { status: 'all', limit: '1', ...(owner ? { owner } : {}) }, TODAY));
      const rows = await fx.db.selectFrom('action_items').select(['status', 'due_date', 'owner_member_id', 'owner_name'])
        .where('group_id', '=', g.group.id).execute();
      const mine = rows.filter((r) => owner === null || (owner === 'none' ? r.owner_name === null : r.owner_member_id === owner));
      const counted = {
        open: mine.filter((r) => r.status === 'open').length,
        overdue: mine.filter((r) => r.status === 'open' && r.due_date !== null && String(r.due_date) < TODAY).length,
        done: mine.filter((r) => r.status === 'done').length,
        all: mine.length,
      };
      return { listed: page.totals, counted };
    };
    const expectAgreement = async (among: ReadonlyArray<(typeof owners)[number]> = owners) => {
      for (const owner of among) {
        const { listed, counted } = await both(owner);
        expect(listed).toEqual(counted);
      }
    };
    await expectAgreement();
    const done = actions.find((a) => a.status === 'done')!;
    await fx.repos.actions.setStatus(g.group.id, done.id, 'open', done.version);
    await fx.repos.actions.add({
      groupId: g.group.id, meetingId: done.meetingId, itemId: done.itemId, text: 'Utan datum', ownerMemberId: null, ownerName: null,
      dueDate: null, createdAt: '2024-02-17T09:00:00.000Z',
    });
    await expectAgreement();
    // Rebecca leaves the roster: her actions keep her name as free text (not ownerless), and her id is no owner to filter by
    const rebeccas = (await both(g.members.rebecca.id)).counted.all;
    expect(rebeccas).toBeGreaterThan(0);
    const ownerlessBefore = (await both('none')).counted.all;
    await fx.db.deleteFrom('roster_members').where('id', '=', g.members.rebecca.id).execute();
    await expectDomainError(both(g.members.rebecca.id), 'invalid-input', 'Den ansvariga (owner) finns inte i gruppens ledamotslista.');
    expect((await both('none')).listed!.all).toBe(ownerlessBefore);
    await expectAgreement([null, 'none', g.members.mats.id]);
    // removing the paragraph removes its actions
    await fx.repos.agenda.remove(done.meetingId, done.itemId);
    expect((await both(null)).listed).toEqual({ open: 0, overdue: 0, done: 0, all: 0 });
  });

  it('a group can still be deleted with its roster and actions, and leaves no counts behind', async () => {
    const { g } = await groupWith23();
    await fx.db.deleteFrom('groups').where('id', '=', g.group.id).execute();
    expect(await fx.db.selectFrom('action_items').select('id').where('group_id', '=', g.group.id).execute()).toEqual([]);
    expect(await fx.db.selectFrom('action_counts').select('n').where('group_id', '=', g.group.id).execute()).toEqual([]);
  });

  it('defaults to the open actions, 100 to a page', async () => {
    const { g, actions } = await groupWith23();
    const page = await fx.run((repos) => listActions(repos, viewer, g.group.id, {}, TODAY));
    expect(page.actions.map((a) => a.text)).toEqual(expected(actions, (a) => a.status === 'open'));
    expect(page.nextCursor).toBeNull();
  });

  it('lists the roster as the owners to filter by, sorted by name, and nothing of another group', async () => {
    const { g } = await groupWith23();
    const owners = await fx.run((repos) => actionOwners(repos, viewer, g.group.id));
    expect(owners.map((o) => o.name)).toEqual(['Anna-Karin Åkesson', 'Carina Ingemansson', 'Mats Wennstig', 'Rebecca Welander', 'Sandra Johansson']);
    expect(owners.find((o) => o.name === 'Mats Wennstig')).toEqual({ id: g.members.mats.id, name: 'Mats Wennstig' });
    const stranger: Viewer = { aadObjectId: randomUUID(), developmentUser: false };
    await expectDomainError(fx.run((repos) => actionOwners(repos, stranger, g.group.id)), 'not-found', 'Gruppen finns inte, eller så är du inte med i den.');
  });

  const LIMIT = 'limit ska vara ett heltal mellan 1 och 500.';
  const STATUS = 'status ska vara open, overdue, done eller all.';
  const OWNER = 'owner ska vara id för en person i gruppens ledamotslista, eller none för åtgärder utan ansvarig.';
  const NOT_ON_ROSTER = 'Den ansvariga (owner) finns inte i gruppens ledamotslista.';
  it.each<[string, (other: GroupFixture) => ActionListQuery, string]>([
    ['an unknown status', () => ({ status: 'klar' }), STATUS],
    ['two statuses', () => ({ status: ['open', 'done'] }), STATUS],
    ['limit 0', () => ({ limit: '0' }), LIMIT],
    ['limit 501', () => ({ limit: '501' }), LIMIT],
    ['a limit that is no integer', () => ({ limit: '2.5' }), LIMIT],
    ['a limit that is text', () => ({ limit: '10; drop table action_items' }), LIMIT],
    ['an owner that is no id', () => ({ owner: 'Mats' }), OWNER],
    ['an owner nobody has', () => ({ owner: randomUUID() }), NOT_ON_ROSTER],
    ['an owner of another group', (other) => ({ owner: other.members.mats.id }), NOT_ON_ROSTER],
    ['a cursor that is no base64url', () => ({ cursor: 'inte en markör' }), BAD_CURSOR],
    ['a cursor that is no JSON', () => ({ cursor: Buffer.from('{').toString('base64url') }), BAD_CURSOR],
    ['a cursor of the wrong length', () => ({ cursor: cursorOf(['2024-02-16T09:00:00.000000Z']) }), BAD_CURSOR],
    ['a cursor with a time in another form', () => ({ cursor: cursorOf(['2024-02-16 09:00', 5]) }), BAD_CURSOR],
    ['a cursor with SQL for a time', () => ({ cursor: cursorOf(["2024-02-16T09:00:00.000000Z'); --", 5]) }), BAD_CURSOR],
    ['a cursor with a negative sequence', () => ({ cursor: cursorOf(['2024-02-16T09:00:00.000000Z', -1]) }), BAD_CURSOR],
    ['a cursor with a sequence that is text', () => ({ cursor: cursorOf(['2024-02-16T09:00:00.000000Z', '5']) }), BAD_CURSOR],
  ])('refuses %s with a Swedish message', async (_what, query, message) => {
    const { g } = await groupWith23();
    const other = await fx.group();
    await expectDomainError(fx.run((repos) => listActions(repos, viewer, g.group.id, query(other), TODAY)), 'invalid-input', message);
  });
});
