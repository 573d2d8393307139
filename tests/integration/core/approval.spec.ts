/**
 * Justering on a real store (`createDraft`, `pendingApproval`, `decideApproval`): approvals belong to
 * one version, approvers are known by their Entra object id, and when the chair and every justerare
 * have approved, the protokoll locks with a final version printing what was approved.
 */
import type { Actor } from '../../../bot/src/core/use-cases/command-context';
import { createDraft, decideApproval, pendingApproval, sha256 } from '../../../bot/src/core/use-cases/approval';
import { endMeeting, goToItem } from '../../../bot/src/core/use-cases/meeting-flow';
import { addDecision } from '../../../bot/src/core/use-cases/record-minutes';
import { protokollDocuments } from '../../../bot/src/documents/protokoll.documents';
import { at, describeUseCase, expectDomainError, PEOPLE, type GroupFixture } from '../../support/use-case-fixture';
import { readZip, wordText, zipText } from '../../support/zip-reader';

const AAD = { mats: PEOPLE.mats.aadObjectId, anna: 'c0000000-0000-4000-8000-000000000004', carina: 'c0000000-0000-4000-8000-000000000002' };
const NOTHING = 'Det finns inget protokollutkast som väntar på justering i den här gruppen.';
const NOT_APPROVER = 'Bara ordföranden och justerarna (Mats Wennstig, Anna-Karin Åkesson) kan justera protokollet.';

describeUseCase('justering', (fx) => {
  const mats: Actor = { aadObjectId: AAD.mats, name: PEOPLE.mats.name };
  const anna: Actor = { aadObjectId: AAD.anna, name: PEOPLE.anna.name };

  /** Punkt 3 decided, Anna-Karin elected justerare, ended at 10.30; version 1 awaits Mats and Anna-Karin. */
  async function awaiting() {
    const g = await fx.group();
    for (const key of ['mats', 'anna', 'carina'] as const) await fx.repos.roster.rememberIdentity(g.group.id, g.members[key].id, { aadObjectId: AAD[key], teamsUserId: null });
    const meeting = await fx.runningMeeting(g, { items: ['Budget 2024'] });
    await fx.repos.meetings.update(g.group.id, meeting.id, { adjusterMemberIds: [g.members.anna.id] });
    await fx.run((repos) => goToItem(repos, g.ctx(10), 3, null));
    await fx.run((repos) => addDecision(repos, g.ctx(12), 'godkänna budgeten'));
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    const first = await fx.run((repos) => createDraft(repos, g.group, meeting.id, at(91), protokollDocuments));
    return { g, meeting, first };
  }
  type Input = Parameters<typeof decideApproval>[5];
  const decide = (g: GroupFixture, actor: Actor, minutes: number, input: Partial<Input> = {}) =>
    fx.run((repos) => decideApproval(repos, g.group, actor, at(minutes), protokollDocuments, { decision: 'approved', comment: null, ...input }));
  const decisions = async (versionId: string) =>
    (await fx.repos.documents.approvals(versionId)).map((a) => [a.memberId, a.aadObjectId, a.decision, a.comment, a.at]);

  it('createDraft stores version 1 for justering by the chair and the justerare, then version 2', async () => {
    const { g, meeting, first } = await awaiting();
    expect(first.approvers.map((a) => a.name)).toEqual(['Mats Wennstig', 'Anna-Karin Åkesson']);
    expect(first.approvals).toEqual([]);
    expect(first.version).toMatchObject({ version: 1, final: false, createdAt: at(91), sha256: sha256((await fx.repos.documents.bytes(meeting.id, first.version.id))!) });
    expect(first.version.contentDigest).toBe(protokollDocuments.contentDigest(first.record));
    expect((await fx.repos.meetings.findById(g.group.id, meeting.id))!.status).toBe('justering');
    const second = await fx.run((repos) => createDraft(repos, g.group, meeting.id, at(100), protokollDocuments));
    expect(second.version.version).toBe(2);
    expect((await fx.run((repos) => pendingApproval(repos, g.group, at(101)))).version.id).toBe(second.version.id);
  });

  it('pendingApproval: nothing awaiting, or a meeting of another group, is not found', async () => {
    const empty = await fx.group();
    await expectDomainError(fx.run((repos) => pendingApproval(repos, empty.group, at(0))), 'not-found', NOTHING);
    const { meeting } = await awaiting();
    await expectDomainError(fx.run((repos) => pendingApproval(repos, empty.group, at(0), meeting.id)), 'not-found', NOTHING);
  });

  it('an approval is recorded for the version, by the Entra id; the card waits for the rest', async () => {
    const { g, meeting, first } = await awaiting();
    const outcome = await decide(g, { aadObjectId: AAD.anna.toUpperCase(), name: 'A. Åkesson (Ronneby)' }, 95, { documentVersionId: first.version.id });
    expect(outcome).toMatchObject({ text: 'Anna-Karin Åkesson har justerat version 1. Väntar på Mats Wennstig.', locked: false });
    expect(outcome.events).toEqual([{ type: 'approval-changed', groupId: g.group.id, meetingId: meeting.id }]);
    expect(await decisions(first.version.id)).toEqual([[g.members.anna.id, AAD.anna.toUpperCase(), 'approved', null, at(95)]]);
    const state = await fx.run((repos) => pendingApproval(repos, g.group, at(96)));
    expect(state.approvals.map((a) => a.memberId)).toEqual([g.members.anna.id]);
  });

  it('approvals belong to their version: a new version starts with none, and a stale card is refused', async () => {
    const { g, meeting, first } = await awaiting();
    await decide(g, anna, 95);
    const second = await fx.run((repos) => createDraft(repos, g.group, meeting.id, at(100), protokollDocuments));
    expect((await fx.run((repos) => pendingApproval(repos, g.group, at(101)))).approvals).toEqual([]);
    await expectDomainError(decide(g, mats, 105, { documentVersionId: first.version.id }), 'conflict', 'Utkastet har ändrats sedan kortet skickades. Justera version 2 i stället.');
    expect(await decisions(second.version.id)).toEqual([]);
    expect((await decisions(first.version.id)).map(([member]) => member)).toEqual([g.members.anna.id]);
    const outcome = await decide(g, mats, 106, { documentVersionId: second.version.id });
    expect(outcome.text).toBe('Mats Wennstig har justerat version 2. Väntar på Anna-Karin Åkesson.');
  });

  it('the same approver twice is recorded once, and the second decision changes nothing', async () => {
    const { g, first } = await awaiting();
    await decide(g, anna, 95);
    const again = await decide(g, anna, 96, { decision: 'changes-requested', comment: 'Ändra § 3' });
    expect(again).toMatchObject({ text: 'Anna-Karin Åkesson har redan tagit ställning till version 1.', locked: false, events: [] });
    expect(await decisions(first.version.id)).toEqual([[g.members.anna.id, AAD.anna, 'approved', null, at(95)]]);
  });

  it('a change request is recorded and told to the card and the secretaries; nothing locks', async () => {
    const { g, meeting, first } = await awaiting();
    const outcome = await decide(g, mats, 95, { decision: 'changes-requested', comment: 'Rätta stavningen i punkt 3.' });
    const text = 'Mats Wennstig begär ändring i version 1: Rätta stavningen i punkt 3.';
    expect(outcome).toMatchObject({ text, locked: false });
    expect(outcome.events).toEqual([
      { type: 'approval-changed', groupId: g.group.id, meetingId: meeting.id },
      { type: 'secretaries-told', groupId: g.group.id, meetingId: meeting.id, text },
    ]);
    expect(await decisions(first.version.id)).toEqual([[g.members.mats.id, AAD.mats, 'changes-requested', 'Rätta stavningen i punkt 3.', at(95)]]);
    expect((await fx.repos.meetings.findById(g.group.id, meeting.id))!.status).toBe('justering');
  });

  it('when the chair and every justerare approved, the protokoll locks with a final version of the same content', async () => {
    const { g, meeting, first } = await awaiting();
    await decide(g, mats, 95);
    const outcome = await decide(g, anna, 100);
    expect(outcome.locked).toBe(true);
    expect(outcome.text).toBe(`Protokollet är justerat 2024-02-16 kl. 10.40 och låst (SHA-256 för justerad version: ${first.version.sha256.slice(0, 16)}…).`);
    expect(outcome.events).toEqual([{ type: 'approval-changed', groupId: g.group.id, meetingId: meeting.id }]);
    expect((await fx.repos.meetings.findById(g.group.id, meeting.id))!.status).toBe('justerat');
    const final = (await fx.repos.documents.latest(meeting.id))!;
    expect(final).toMatchObject({ id: outcome.state.version.id, version: 2, final: true, createdAt: at(100), contentDigest: first.version.contentDigest });
    const bytes = (await fx.repos.documents.bytes(meeting.id, final.id))!;
    expect(final.sha256).toBe(sha256(bytes));
    expect(wordText(zipText(readZip(bytes), 'word/document.xml'))).toContain(first.version.sha256);
    // afterwards: nothing awaits, and the locked meeting refuses
    await expectDomainError(decide(g, mats, 110), 'not-found', NOTHING);
    await expectDomainError(decide(g, mats, 110, { meetingId: meeting.id }), 'conflict', 'Protokollet är redan justerat och låst.');
    await expectDomainError(fx.run((repos) => createDraft(repos, g.group, meeting.id, at(111), protokollDocuments)), 'conflict', 'Protokollet är redan justerat och låst.');
    expect((await fx.repos.documents.latest(meeting.id))!.id).toBe(final.id);
  });

  it.each([
    ['a member who is not an approver', { aadObjectId: AAD.carina, name: PEOPLE.carina.name }],
    ["an unknown Entra id with an approver's name", { aadObjectId: 'c0000000-0000-4000-8000-0000000000ff', name: PEOPLE.anna.name }],
    ["no Entra id, with the chair's name", { aadObjectId: null, name: PEOPLE.mats.name }],
  ])('%s is refused with the approvers named, and nothing is recorded', async (_case, actor) => {
    const { g, first } = await awaiting();
    await expectDomainError(decide(g, actor, 95), 'forbidden', NOT_APPROVER);
    expect(await decisions(first.version.id)).toEqual([]);
  });

  it('with no chair and no justerare, nobody can approve, and the refusal says none are elected', async () => {
    const g = await fx.group({}, ['carina', 'anna', 'sandra']);
    await fx.repos.roster.rememberIdentity(g.group.id, g.members.anna.id, { aadObjectId: AAD.anna, teamsUserId: null });
    const meeting = await fx.runningMeeting(g);
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    const draft = await fx.run((repos) => createDraft(repos, g.group, meeting.id, at(91), protokollDocuments));
    expect(draft.approvers).toEqual([]);
    await expectDomainError(decide(g, anna, 95), 'forbidden', 'Bara ordföranden och justerarna (inga valda ännu) kan justera protokollet.');
    expect((await fx.repos.meetings.findById(g.group.id, meeting.id))!.status).toBe('justering');
  });
});
