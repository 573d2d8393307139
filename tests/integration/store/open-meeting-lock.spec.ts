/**
 * Two changes to one meeting at once (the secretary and the chair, say): the second waits for the
 * meeting's lock, and then reads the agenda with what the first wrote. A statement that waited for
 * the lock and read the agenda in one go read it as it was when it began, without the first's
 * paragraph. PostgreSQL server only: PGlite has one connection, so its transactions never overlap.
 */
import { sql } from 'kysely';
import { connectPostgres, type StoreConnection } from '../../../bot/src/store/database';
import { migrate } from '../../../bot/src/store/migrate';
import { readTurnContext } from '../../../bot/src/store/turn-context';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { freshSchemaName } from '../../support/stores';

const url = process.env.DATABASE_URL;
const onServer = url ? describe : describe.skip;

onServer('the open meeting read after waiting for its lock [postgresql]', () => {
  let store: StoreConnection;
  beforeAll(async () => {
    store = await connectPostgres(url!, freshSchemaName());
    await migrate(store.db);
  });
  afterAll(async () => {
    await store.close();
  });

  /** A group with a running meeting bound to a conversation, and a transaction that adds a paragraph while holding the meeting. */
  async function meetingBeingChanged(name: string) {
    const repos = repositoriesFor(store.db);
    const group = await repos.groups.create({ name, decidingBody: name });
    const conversationId = `19:${name}@thread.v2`;
    await repos.groups.bindConversation(group.id, { conversationId, kind: 'groupChat', reference: {} });
    const meeting = await repos.meetings.create(group.id, {});
    await repos.meetings.update(group.id, meeting.id, { status: 'pågår' });

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const first = store.db.transaction().execute(async (trx) => {
      const held = repositoriesFor(trx);
      await held.meetings.findOpenForUpdate(group.id);
      await held.agenda.insert(group.id, {
        meetingId: meeting.id, parentId: null, position: 100, section: null, title: 'Tillagd av den första', typeTag: null,
        standardKind: null, number: null, presenters: [], outcome: 'open', recipients: [], carriedFromItemId: null,
      });
      locked();
      await released;
    });
    await holding;
    return { group, conversationId, release, first };
  }

  /** The second transaction's read, started while the first holds the lock and finished after it commits. */
  async function secondRead(read: () => Promise<{ items: Array<{ title: string }> } | null>, release: () => void, first: Promise<void>) {
    const reading = read();
    // The read is waiting for the lock; give it time to have begun its statement.
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await first;
    return (await reading)?.items.map((i) => i.title) ?? [];
  }

  it('a command read (lock, then agenda) sees the paragraph the transaction it waited for added', async () => {
    const { group, release, first } = await meetingBeingChanged('Väntar på låset');
    const titles = await secondRead(
      () => store.db.transaction().execute((trx) => repositoriesFor(trx).meetings.findOpenWithAgendaForUpdate(group.id)),
      release, first,
    );
    expect(titles).toContain('Tillagd av den första');
  });

  it('a turn that takes the lock with its context sees it too, reading the agenda in its own statement', async () => {
    const { group, conversationId, release, first } = await meetingBeingChanged('Låset i turens början');
    const titles = await secondRead(
      () => store.db.transaction().execute(async (trx) => {
        const context = await readTurnContext(trx, {
          idempotencyKey: null, conversationId, teamId: null, channelId: null, senderAadObjectId: null, lockOpenMeeting: true,
        });
        expect(context.openMeetingLocked).toBe(true);
        return repositoriesFor(trx, group.id).meetings.findOpenWithAgendaForUpdate(group.id);
      }),
      release, first,
    );
    expect(titles).toContain('Tillagd av den första');
  });

  it('a turn that does not change the meeting (a join, say) takes no lock', async () => {
    const repos = repositoriesFor(store.db);
    const group = await repos.groups.create({ name: 'Utan lås', decidingBody: 'Utan lås' });
    const conversationId = '19:utan-las@thread.v2';
    await repos.groups.bindConversation(group.id, { conversationId, kind: 'groupChat', reference: {} });
    const meeting = await repos.meetings.create(group.id, {});
    await store.db.transaction().execute(async (trx) => {
      const context = await readTurnContext(trx, { idempotencyKey: null, conversationId, teamId: null, channelId: null, senderAadObjectId: null });
      expect(context.group?.id).toBe(group.id);
      expect(context.openMeetingLocked).toBe(false);
      // Another connection takes the lock at once while this turn is still open.
      const other = await store.db.transaction().execute((other) =>
        sql<{ id: string }>`select id from meetings where id = ${meeting.id} for update nowait`.execute(other));
      expect(other.rows).toEqual([{ id: meeting.id }]);
    });
  });
});
