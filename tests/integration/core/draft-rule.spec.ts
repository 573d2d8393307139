/**
 * The draft rule (`keepDraftCurrent`) on a real store: while a draft awaits justering, a write in the
 * same transaction that changes what the protokoll prints makes the next version at once, and
 * approvals start over; a write that prints nothing new leaves the current version alone.
 */
import type { IsoTime } from '../../../bot/src/core/model';
import type { ProtokollDocuments, Repositories } from '../../../bot/src/core/ports';
import { createDraft, pendingApproval, sha256 } from '../../../bot/src/core/use-cases/approval';
import { keepDraftCurrent } from '../../../bot/src/core/use-cases/draft-rule';
import { setDecidingBody } from '../../../bot/src/core/use-cases/group-settings';
import { endMeeting, goToItem } from '../../../bot/src/core/use-cases/meeting-flow';
import { loadMeetingRecord } from '../../../bot/src/core/use-cases/meeting-record';
import { addDecision, addNote } from '../../../bot/src/core/use-cases/record-minutes';
import { protokollDocuments } from '../../../bot/src/documents/protokoll.documents';
import { at, describeUseCase, type GroupFixture } from '../../support/use-case-fixture';
import { readZip, wordText, zipText } from '../../support/zip-reader';

describeUseCase('draft rule', (fx) => {
  /** Punkt 3 Budget 2024 decided at 09.12, ended at 10.30; version 1 rendered at 10.31 awaits justering. */
  async function awaiting(documents: ProtokollDocuments = protokollDocuments) {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ['Budget 2024'], joined: ['mats', 'anna', 'sandra'] });
    await fx.run((repos) => goToItem(repos, g.ctx(10), 3, null));
    await fx.run((repos) => addDecision(repos, g.ctx(12), 'godkänna budgeten'));
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    const first = (await fx.run((repos) => createDraft(repos, g.group, meeting.id, at(91), documents))).version;
    return { g, meeting, first };
  }
  /** `work` and the draft rule in one transaction, as the turn envelope runs a write. */
  const turn = (g: GroupFixture, minutes: number, work: (repos: Repositories) => Promise<unknown>, documents: ProtokollDocuments = protokollDocuments) =>
    fx.run(async (repos) => {
      await work(repos);
      return keepDraftCurrent(repos, g.group, at(minutes), documents);
    });
  const digestNow = async (g: GroupFixture, meetingId: string) => {
    const group = (await fx.repos.groups.findById(g.group.id))!;
    return protokollDocuments.contentDigest(await loadMeetingRecord(fx.repos, group, meetingId, at(200)));
  };

  it('null when no meeting awaits justering: running, ended as utkast, or none at all', async () => {
    const none = await fx.group();
    expect(await turn(none, 0, async () => {})).toBeNull();
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ['Budget 2024'] });
    expect(await turn(g, 5, (repos) => addNote(repos, g.ctx(5), 'Under mötet'))).toBeNull();
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    expect(await turn(g, 95, async (repos) => {
      await goToItem(repos, g.ctx(95), 3, null);
      await addNote(repos, g.ctx(95), 'I utkastet');
    })).toBeNull();
    expect(await fx.repos.documents.latest(meeting.id)).toBeNull();
    expect((await fx.repos.meetings.findById(g.group.id, meeting.id))!.status).toBe('utkast');
  });

  it('null when nothing printed changed: the digest is equal and version 1 stays current', async () => {
    const { g, meeting, first } = await awaiting();
    expect(first.contentDigest).toBe(await digestNow(g, meeting.id));
    // choosing the paragraph to edit prints nothing
    expect(await turn(g, 100, (repos) => goToItem(repos, g.ctx(100), 1, null))).toBeNull();
    expect(await fx.repos.documents.latest(meeting.id)).toMatchObject({ id: first.id, version: 1, sha256: first.sha256, contentDigest: first.contentDigest });
  });

  it('a printed change makes version 2 in the same transaction, with its bytes, hash and digest', async () => {
    const { g, meeting, first } = await awaiting();
    const answer = await turn(g, 110, async (repos) => {
      await goToItem(repos, g.ctx(110), 3, null);
      await addNote(repos, g.ctx(110), 'Budgeten ses över i juni.');
    });
    expect(answer).toMatchObject({
      text: 'Utkastet är nu version 2. Justeringen börjar om.',
      events: [{ type: 'draft-versioned', groupId: g.group.id, meetingId: meeting.id }],
      data: { approvals: [], version: { version: 2, final: false, createdAt: at(110) } },
    });
    expect(answer!.events).toHaveLength(1);
    const latest = (await fx.repos.documents.latest(meeting.id))!;
    expect(latest).toMatchObject({ id: answer!.data!.version.id, version: 2, final: false });
    const bytes = (await fx.repos.documents.bytes(meeting.id, latest.id))!;
    expect(latest.sha256).toBe(sha256(bytes));
    expect(latest.sha256).not.toBe(first.sha256);
    expect(latest.contentDigest).toBe(await digestNow(g, meeting.id));
    expect(latest.contentDigest).not.toBe(first.contentDigest);
    expect(wordText(zipText(readZip(bytes), 'word/document.xml'))).toContain('Budgeten ses över i juni.');
    // the same state again: no version 3
    expect(await turn(g, 111, async () => {})).toBeNull();
  });

  it("a change of the group's own settings in the same transaction makes a new version (the stale group is not trusted)", async () => {
    const { g, meeting, first } = await awaiting();
    const answer = await turn(g, 120, (repos) => setDecidingBody(repos, g.group, 'LSVO'));
    expect(answer?.text).toBe('Utkastet är nu version 2. Justeringen börjar om.');
    expect(answer?.data?.record.group.decidingBody).toBe('LSVO');
    const latest = (await fx.repos.documents.latest(meeting.id))!;
    expect(latest.version).toBe(2);
    expect(latest.contentDigest).toBe(await digestNow(g, meeting.id));
    expect(latest.contentDigest).not.toBe(first.contentDigest);
    const text = wordText(zipText(readZip((await fx.repos.documents.bytes(meeting.id, latest.id))!), 'word/document.xml'));
    expect(text).toContain('LSVO beslutar');
    expect(text).not.toContain('Samverkansgruppen beslutar');
  });

  it("a roster change in the same transaction makes a new version (the roster belongs to the group, not the meeting)", async () => {
    const { g, meeting, first } = await awaiting();
    const mats = g.members.mats;
    const answer = await turn(g, 120, (repos) => repos.roster.upsert(g.group.id, [{ name: mats.name, title: 'Förvaltningschef', principal: mats.principal, roles: mats.roles }]));
    expect(answer?.text).toBe('Utkastet är nu version 2. Justeringen börjar om.');
    const latest = (await fx.repos.documents.latest(meeting.id))!;
    expect(latest.contentDigest).toBe(await digestNow(g, meeting.id));
    expect(latest.contentDigest).not.toBe(first.contentDigest);
    expect(wordText(zipText(readZip((await fx.repos.documents.bytes(meeting.id, latest.id))!), 'word/document.xml'))).toContain('Förvaltningschef');
  });

  it('a turn that changed nothing of the draft leaves it alone, even when the record changed outside any turn', async () => {
    const { g, meeting, first } = await awaiting();
    // Written by someone else, outside the turn: the draft rule of that write's own turn was its business.
    await fx.repos.records.addNote(meeting.id, { itemId: (await fx.repos.agenda.list(meeting.id))[0]!.id, text: 'Utanför turen', createdAt: at(100) });
    expect(await turn(g, 101, async () => {})).toBeNull();
    expect(await fx.repos.documents.latest(meeting.id)).toMatchObject({ id: first.id, version: 1 });
    // the same note written in a turn is compared, and makes version 2
    const answer = await turn(g, 102, async (repos) => {
      await goToItem(repos, g.ctx(102), 3, null);
      await addNote(repos, g.ctx(102), 'I turen');
    });
    expect(answer?.data?.version.version).toBe(2);
  });

  it('approvals of the old version do not carry over to the new one', async () => {
    const { g, meeting, first } = await awaiting();
    await fx.repos.documents.addApproval({ documentVersionId: first.id, memberId: g.members.mats.id, aadObjectId: null, decision: 'approved', comment: null, at: at(100) });
    const answer = await turn(g, 120, (repos) => setDecidingBody(repos, g.group, 'Styrgruppen'));
    expect(answer?.data?.approvals).toEqual([]);
    const state = await fx.run((repos) => pendingApproval(repos, g.group, at(121)));
    expect(state.version.id).toBe(answer!.data!.version.id);
    expect(state.approvals).toEqual([]);
    expect((await fx.repos.documents.approvals(first.id)).map((a) => a.memberId)).toEqual([g.members.mats.id]);
  });

  it.each([
    ['null', null],
    ['left out', undefined],
  ] as const)('a version stored without a digest (%s, from before digests) is replaced by a new version', async (_case, contentDigest) => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'justering' });
    const old = await fx.repos.documents.addVersion(meeting.id, { version: 1, sha256: 'a'.repeat(64), docx: Buffer.from('v1'), final: false, createdAt: at(91), contentDigest });
    expect(old.contentDigest ?? null).toBeNull();
    const answer = await turn(g, 100, async () => {});
    expect(answer?.text).toBe('Utkastet är nu version 2. Justeringen börjar om.');
    expect(await fx.repos.documents.latest(meeting.id)).toMatchObject({ version: 2, contentDigest: await digestNow(g, meeting.id) });
  });

  describe('with a documents port that prints only the notes', () => {
    const rendered: Array<{ status: string; version: number; renderedAt: IsoTime }> = [];
    const notesOnly: ProtokollDocuments = {
      render: async (record, info) => {
        rendered.push({ status: info.status, version: info.version, renderedAt: info.renderedAt });
        return Buffer.from(`v${info.version}: ${record.notes.map((n) => n.text).join('|')}`);
      },
      contentDigest: (record) => `notes:${record.notes.map((n) => n.text).join('|')}`,
    };
    beforeEach(() => {
      rendered.length = 0;
    });

    it('renders only when the digest differs, and stores exactly what the port gave', async () => {
      const { g, meeting, first } = await awaiting(notesOnly);
      expect(first.contentDigest).toBe('notes:');
      // a decision the port does not print: nothing rendered, no version
      expect(await turn(g, 100, async (repos) => {
        await goToItem(repos, g.ctx(100), 3, null);
        await addDecision(repos, g.ctx(100), 'anta planen');
      }, notesOnly)).toBeNull();
      expect(rendered).toEqual([{ status: 'justering', version: 1, renderedAt: at(91) }]);
      const answer = await turn(g, 110, (repos) => addNote(repos, g.ctx(110), 'Ny anteckning'), notesOnly);
      expect(answer?.data?.version.version).toBe(2);
      expect(rendered).toEqual([{ status: 'justering', version: 1, renderedAt: at(91) }, { status: 'justering', version: 2, renderedAt: at(110) }]);
      expect(await fx.repos.documents.latest(meeting.id)).toMatchObject({
        version: 2, contentDigest: 'notes:Ny anteckning', sha256: sha256(Buffer.from('v2: Ny anteckning')),
      });
      expect((await fx.repos.documents.bytes(meeting.id, answer!.data!.version.id))!.toString()).toBe('v2: Ny anteckning');
    });

    it('a meeting awaiting justering without any version gets version 1, and nothing starts over', async () => {
      const g = await fx.group();
      const meeting = await fx.runningMeeting(g);
      await fx.run((repos) => endMeeting(repos, g.ctx(90)));
      await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'justering' });
      const answer = await turn(g, 95, async () => {}, notesOnly);
      expect(answer?.text).toBe('Utkastet är nu version 1.');
      expect(await fx.repos.documents.latest(meeting.id)).toMatchObject({ version: 1, contentDigest: 'notes:' });
    });
  });
});
