/**
 * `avsluta` and Teams' meeting-end event (`closeMeeting`) on a real store: the running meeting ends
 * and its draft goes out for justering as version 1; `avsluta` again makes a new version only when
 * what the document prints has changed, and otherwise says which version awaits whom; the end event
 * after `avsluta` changes nothing; with nothing to close `avsluta` is refused in Swedish.
 */
import type { ProtokollDocuments } from '../../../bot/src/core/ports';
import { sha256 } from '../../../bot/src/core/use-cases/approval';
import { closeMeeting } from '../../../bot/src/core/use-cases/close-meeting';
import { loadMeetingRecord } from '../../../bot/src/core/use-cases/meeting-record';
import { protokollDocuments } from '../../../bot/src/documents/protokoll.documents';
import { at, describeUseCase, expectDomainError, type GroupFixture, type PersonKey } from '../../support/use-case-fixture';

const NOT_RUNNING = 'Inget möte pågår i den här gruppen. Skriv `starta` när mötet börjar.';

describeUseCase('closing a meeting', (fx) => {
  const close = (g: GroupFixture, minutes: number, reissue: boolean, documents: ProtokollDocuments = protokollDocuments, progress?: () => Promise<void>) =>
    fx.run((repos) => closeMeeting(repos, g.ctx(minutes), documents, { reissue, progress }));
  /** A meeting running since 09.00, with `adjusters` elected justerare. */
  async function running(roster?: PersonKey[], adjusters: PersonKey[] = []) {
    const g = await fx.group({}, roster);
    const meeting = await fx.runningMeeting(g, { items: ['Budget 2024'] });
    await fx.repos.meetings.update(g.group.id, meeting.id, { adjusterMemberIds: adjusters.map((key) => g.members[key].id) });
    return { g, meeting };
  }

  it.each([true, false])('ends the running meeting and sends version 1 out for justering (reissue %s)', async (reissue) => {
    const { g, meeting } = await running(undefined, ['anna']);
    const answer = await close(g, 90, reissue);
    expect(answer?.text).toBe('Mötet avslutades kl. 10.30. Protokollutkastet tas fram. Utkastet (version 1) väntar på justering av Mats Wennstig, Anna-Karin Åkesson.');
    expect(answer?.events).toEqual([{ type: 'draft-versioned', groupId: g.group.id, meetingId: meeting.id }]);
    expect(answer?.data?.approvers.map((a) => a.name)).toEqual(['Mats Wennstig', 'Anna-Karin Åkesson']);
    expect(answer?.data?.approvals).toEqual([]);
    expect(await fx.repos.meetings.findById(g.group.id, meeting.id)).toMatchObject({ status: 'justering', endedAt: at(90), endsAt: at(90), currentItemId: null });
    const latest = (await fx.repos.documents.latest(meeting.id))!;
    expect(latest).toMatchObject({ id: answer!.data!.version.id, version: 1, final: false, createdAt: at(90) });
    expect(latest.sha256).toBe(sha256((await fx.repos.documents.bytes(meeting.id, latest.id))!));
    expect(latest.contentDigest).toBe(protokollDocuments.contentDigest(await loadMeetingRecord(fx.repos, g.group, meeting.id, at(90))));
  });

  it.each([
    ['the chair only, when no justerare is elected', undefined, 'Mats Wennstig'],
    ['that none are elected, in a group without a chair', ['carina', 'rebecca', 'anna', 'sandra'] as PersonKey[], 'ordförande och justerare (inga valda ännu)'],
  ])('the answer names %s', async (_case, roster, who) => {
    const { g } = await running(roster);
    expect((await close(g, 90, true))?.text).toBe(`Mötet avslutades kl. 10.30. Protokollutkastet tas fram. Utkastet (version 1) väntar på justering av ${who}.`);
  });

  it('avsluta again with nothing changed makes no version and keeps the approvals: it says which version awaits whom', async () => {
    const { g, meeting } = await running(undefined, ['anna']);
    const first = (await close(g, 90, true))!.data!.version;
    const answer = await close(g, 95, true);
    expect(answer?.text).toBe('Inget i protokollet har ändrats sedan version 1, så ingen ny version skapas. Version 1 väntar på justering av Mats Wennstig, Anna-Karin Åkesson.');
    expect(answer?.events).toBeUndefined();

    await fx.repos.documents.addApproval({ documentVersionId: first.id, memberId: g.members.mats.id, aadObjectId: null, decision: 'approved', comment: null, at: at(100) });
    await fx.repos.documents.addApproval({ documentVersionId: first.id, memberId: g.members.anna.id, aadObjectId: null, decision: 'changes-requested', comment: 'Stavfel', at: at(101) });
    const again = await close(g, 120, true);
    expect(again?.text).toBe('Inget i protokollet har ändrats sedan version 1, så ingen ny version skapas. Version 1 väntar på justering av Anna-Karin Åkesson. '
      + 'Mats Wennstig har redan justerat den. Anna-Karin Åkesson har begärt ändring: när ändringen är gjord i utkastet blir det en ny version.');
    expect(again?.events).toBeUndefined();
    expect(again?.data).toMatchObject({ version: { id: first.id, version: 1 } });
    expect(await fx.repos.documents.latest(meeting.id)).toMatchObject({ id: first.id, version: 1 });
    expect((await fx.repos.documents.approvals(first.id)).map((a) => [a.memberId, a.decision])).toEqual([
      [g.members.mats.id, 'approved'], [g.members.anna.id, 'changes-requested'],
    ]);
    expect(await fx.repos.meetings.findById(g.group.id, meeting.id)).toMatchObject({ status: 'justering', endedAt: at(90) });
  });

  it('avsluta while the draft awaits justering and prints something else sends a new version; approvals of the old one stay with it', async () => {
    const { g, meeting } = await running(undefined, ['anna']);
    const first = (await close(g, 90, true))!.data!.version;
    await fx.repos.documents.addApproval({ documentVersionId: first.id, memberId: g.members.mats.id, aadObjectId: null, decision: 'approved', comment: null, at: at(100) });
    // a change the draft rule did not version (written straight to the store, as after an update that prints differently)
    await fx.repos.meetings.update(g.group.id, meeting.id, { distributionList: ['Samtliga huvudmän'] });
    const answer = await close(g, 120, true);
    expect(answer?.text).toBe('Nytt utkast: tidigare justeringar gällde version 1 och behöver göras om. Utkastet (version 2) väntar på justering av Mats Wennstig, Anna-Karin Åkesson.');
    expect(answer?.events).toEqual([{ type: 'draft-versioned', groupId: g.group.id, meetingId: meeting.id }]);
    expect(answer?.data).toMatchObject({ approvals: [], version: { version: 2, final: false, createdAt: at(120) } });
    // the meeting's end stays when it ended
    expect(await fx.repos.meetings.findById(g.group.id, meeting.id)).toMatchObject({ status: 'justering', endedAt: at(90) });
    expect(await fx.repos.documents.approvals(answer!.data!.version.id)).toEqual([]);
    expect((await fx.repos.documents.approvals(first.id)).map((a) => a.memberId)).toEqual([g.members.mats.id]);
    expect((await fx.repos.documents.latest(meeting.id))?.version).toBe(2);
  });

  it("Teams' end event after avsluta: null, and the draft stays version 1", async () => {
    const { g, meeting } = await running();
    const first = (await close(g, 90, true))!.data!.version;
    expect(await close(g, 95, false)).toBeNull();
    expect((await fx.repos.documents.latest(meeting.id))?.id).toBe(first.id);
    expect(await fx.repos.meetings.findById(g.group.id, meeting.id)).toMatchObject({ status: 'justering', endedAt: at(90) });
  });

  it("Teams' end event with nothing running: null, and a planned meeting stays planned", async () => {
    const empty = await fx.group();
    expect(await close(empty, 0, false)).toBeNull();
    expect(await fx.meetings(empty)).toEqual([]);
    const g = await fx.group();
    await fx.plan(g, ['Budget 2024']);
    expect(await close(g, 0, false)).toBeNull();
    expect((await fx.meetings(g)).map((m) => [m.status, m.endedAt])).toEqual([['planerat', null]]);
  });

  it('avsluta with nothing running is refused in Swedish and changes nothing', async () => {
    const empty = await fx.group();
    await expectDomainError(close(empty, 0, true), 'conflict', NOT_RUNNING);
    expect(await fx.meetings(empty)).toEqual([]);
    const g = await fx.group();
    await fx.plan(g, ['Budget 2024']);
    await expectDomainError(close(g, 0, true), 'conflict', NOT_RUNNING);
    const [planned] = await fx.meetings(g);
    expect(planned).toMatchObject({ status: 'planerat', endedAt: null });
    expect(await fx.repos.documents.latest(planned!.id)).toBeNull();
  });

  it('avsluta after the protokoll is justerat is refused, and no version is added', async () => {
    const { g, meeting } = await running();
    await close(g, 90, true);
    await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'justerat' });
    await expectDomainError(close(g, 120, true), 'conflict', NOT_RUNNING);
    expect(await close(g, 121, false)).toBeNull();
    expect((await fx.repos.documents.latest(meeting.id))?.version).toBe(1);
  });

  it('tells progress before rendering, and not when there is nothing to close or nothing changed', async () => {
    const steps: string[] = [];
    let digest = 'digest';
    const documents: ProtokollDocuments = {
      render: async (_record, info) => {
        steps.push(`render ${info.status} v${info.version} ${info.renderedAt}`);
        return Buffer.from(`v${info.version}`);
      },
      contentDigest: () => digest,
    };
    const progress = async () => {
      steps.push('progress');
    };
    const { g, meeting } = await running();
    await close(g, 90, true, documents, progress);
    expect(steps).toEqual(['progress', `render justering v1 ${at(90)}`]);
    expect(await fx.repos.documents.latest(meeting.id)).toMatchObject({ version: 1, sha256: sha256(Buffer.from('v1')), contentDigest: 'digest' });
    steps.length = 0;
    expect(await close(g, 95, false, documents, progress)).toBeNull();
    expect(steps).toEqual([]);
    await close(g, 98, true, documents, progress);
    expect(steps).toEqual([]);
    digest = 'changed';
    await close(g, 100, true, documents, progress);
    expect(steps).toEqual(['progress', `render justering v2 ${at(100)}`]);
  });
});
