/**
 * Two approvers press Justera and the secretary edits the draft at the same instant, several rounds
 * on fresh meetings. Whatever order the server takes them in, the outcome is consistent and no
 * write is lost:
 *  - locked: both approved the same version, the edit was refused (and not stored), the final
 *    document names the approved version's hash;
 *  - not locked: the edit is stored and is in the newest version's .docx, which nobody has approved
 *    yet (approvals of an older version never carry over).
 */
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { describeEachStore } from '../../support/stores';
import { deliver, TeamsChannel, type Person } from '../../support/teams-activities';
import { useWire } from '../../support/wire';
import { meetingWithDraft } from '../../support/draft-meeting';
import { readZip, wordText, zipText } from '../../support/zip-reader';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'e0000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'e0000000-0000-4000-8000-000000000002' };
const anna: Person = { id: '29:anna', name: 'Anna-Karin Åkesson', aadObjectId: 'e0000000-0000-4000-8000-000000000003' };
const ROUNDS = 4;

describeEachStore('approving while the draft is edited', (store) => {
  const wire = useWire(store);

  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))('round %i ends consistently', async (round) => {
    const channel = new TeamsChannel({ teamId: `19:race-${round}@thread.tacv2`, teamName: `Kapplöpning ${round}`, channelId: `19:race-${round}-ch@thread.tacv2` }, wire.connector.url);
    const base = Date.parse('2024-05-06T08:00:00.000Z') + round * 86_400_000;
    const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
    const say = (who: Person, text: string, minute: number) => deliver(wire.app.url, channel.message(who, text, at(minute)));
    await meetingWithDraft(wire.app.url, channel, { chair: mats, adjuster: anna, secretary: sandra }, at);
    await say(sandra, 'punkt 1', 61);

    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.name === `Kapplöpning ${round}`)!;
    const meeting = (await repos.meetings.list(group.id))[0]!;
    const draft = (await repos.documents.latest(meeting.id))!;
    const note = `Tillägg i omgång ${round}`;
    const approve = (who: Person) =>
      deliver(wire.app.url, channel.cardAction(who, 'approval.approve', { meetingId: meeting.id, documentVersionId: draft.id }, at(62)));
    // Sent at once; every other round the edit goes out first, so both outcomes occur.
    const edit = () => say(sandra, `anteckning ${note}`, 62);
    const requests = round % 2 === 0 ? [edit, () => approve(mats), () => approve(anna)] : [() => approve(mats), () => approve(anna), edit];
    for (const res of await Promise.all(requests.map((send) => send()))) expect(res.status).toBe(200);

    const after = (await repos.meetings.findById(group.id, meeting.id))!;
    const notes = (await repos.records.notes(meeting.id)).map((n) => n.text);
    const latest = (await repos.documents.latest(meeting.id))!;
    const latestText = wordText(zipText(readZip((await repos.documents.bytes(meeting.id, latest.id))!), 'word/document.xml'));
    if (after.status === 'justerat') {
      expect(notes).not.toContain(note);
      expect(latest).toMatchObject({ final: true, version: draft.version + 1 });
      const approvals = await repos.documents.approvals(draft.id);
      expect(approvals.map((a) => a.decision)).toEqual(['approved', 'approved']);
      expect(latestText).toContain(draft.sha256);
    } else {
      expect(after.status).toBe('justering');
      expect(notes).toContain(note);
      expect(latest.version).toBeGreaterThan(draft.version);
      expect(latestText).toContain(note);
      expect(await repos.documents.approvals(latest.id)).toEqual([]);
    }
  });
});
