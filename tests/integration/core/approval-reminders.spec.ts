/**
 * Reminders before the justering deadline, on a real store: a day before and once after it, only to
 * the approvers who have not approved the current version, each claimed once; a new deadline or
 * version starts over. The job looks across groups, so each test reads only its own group's reminders.
 */
import type { IsoTime } from '../../../bot/src/core/model';
import { dueApprovalReminders, REMIND_BEFORE_DEADLINE_MS, reminderStage } from '../../../bot/src/core/use-cases/approval-reminders';
import { endMeeting } from '../../../bot/src/core/use-cases/meeting-flow';
import { at, describeUseCase, type GroupFixture } from '../../support/use-case-fixture';

/** `justering senast 2024-02-23 kl. 16.00` (CET): 15:00 UTC. */
const DEADLINE = '2024-02-23T15:00:00.000Z';
const hours = (h: number, from: IsoTime = DEADLINE) => new Date(Date.parse(from) + h * 3_600_000).toISOString();

describeUseCase('approval reminders', (fx) => {
  /** Ended meeting awaiting justering of version 1 by the chair (Mats) and the elected justerare (Anna-Karin). */
  async function awaiting(options: { deadline?: IsoTime | null; version?: boolean } = {}) {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    await fx.repos.meetings.update(g.group.id, meeting.id, {
      status: 'justering', adjusterMemberIds: [g.members.anna.id], approvalDeadline: options.deadline === undefined ? DEADLINE : options.deadline,
    });
    const version = options.version === false ? null : await addVersion(meeting.id, 1);
    return { g, meeting, version };
  }
  const addVersion = (meetingId: string, version: number) =>
    fx.repos.documents.addVersion(meetingId, { version, sha256: String(version).repeat(64), docx: Buffer.from(`v${version}`), final: false, createdAt: at(100) });
  const approve = (g: GroupFixture, versionId: string, who: 'mats' | 'anna', decision: 'approved' | 'changes-requested' = 'approved') =>
    fx.repos.documents.addApproval({ documentVersionId: versionId, memberId: g.members[who].id, aadObjectId: null, decision, comment: null, at: at(120) });
  const due = async (g: GroupFixture, now: IsoTime) =>
    (await fx.run((repos) => dueApprovalReminders(repos, now))).filter((r) => r.groupId === g.group.id).map((r) => ({ ...r, waiting: r.waiting.map((m) => m.name) }));

  it.each([
    [null, -30, null], [DEADLINE, -24.01, null], [DEADLINE, -24, 'soon'], [DEADLINE, -0.01, 'soon'], [DEADLINE, 0, 'overdue'], [DEADLINE, 48, 'overdue'],
  ] as const)('reminderStage with deadline %s, %s h from it: %s', async (deadline, h, stage) => {
    const { meeting } = await awaiting({ deadline });
    expect(reminderStage({ ...meeting, approvalDeadline: deadline }, hours(h))).toBe(stage);
    expect(REMIND_BEFORE_DEADLINE_MS).toBe(24 * 3_600_000);
  });

  it('a day before, then once overdue, each once, to those who have not approved', async () => {
    const { g, meeting, version } = await awaiting();
    expect(await due(g, hours(-25))).toEqual([]);
    expect(await due(g, hours(-23))).toEqual([{
      groupId: g.group.id, meetingId: meeting.id, stage: 'soon', waiting: ['Mats Wennstig', 'Anna-Karin Åkesson'],
      text: 'Påminnelse: protokollet (version 1) ska vara justerat senast 2024-02-23 kl. 16.00. Justera eller begär ändring i kortet ovan.',
    }]);
    expect(await due(g, hours(-22))).toEqual([]);
    await approve(g, version!.id, 'mats');
    await approve(g, version!.id, 'anna', 'changes-requested'); // asking for a change is not approving
    expect(await due(g, hours(1))).toEqual([{
      groupId: g.group.id, meetingId: meeting.id, stage: 'overdue', waiting: ['Anna-Karin Åkesson'],
      text: 'Tiden för justering gick ut 2024-02-23 kl. 16.00, och protokollet (version 1) är ännu inte justerat. Justera eller begär ändring i kortet ovan.',
    }]);
    expect(await due(g, hours(30))).toEqual([]);
  });

  it('a new deadline gets its own reminders', async () => {
    const { g, meeting } = await awaiting();
    expect(await due(g, hours(1))).toHaveLength(1);
    const later = '2024-02-27T15:00:00.000Z';
    await fx.repos.meetings.update(g.group.id, meeting.id, { approvalDeadline: later });
    expect(await due(g, hours(-30, later))).toEqual([]);
    expect((await due(g, hours(-2, later))).map((r) => [r.stage, r.text])).toEqual([
      ['soon', 'Påminnelse: protokollet (version 1) ska vara justerat senast 2024-02-27 kl. 16.00. Justera eller begär ändring i kortet ovan.'],
    ]);
  });

  it('approvals of an earlier version do not count for a new one', async () => {
    const { g, meeting, version } = await awaiting();
    await approve(g, version!.id, 'mats');
    await approve(g, version!.id, 'anna');
    expect(await due(g, hours(-2))).toEqual([]);
    await addVersion(meeting.id, 2);
    expect((await due(g, hours(-1))).map((r) => [r.stage, r.waiting, r.text.match(/version \d/)![0]])).toEqual([
      ['soon', ['Mats Wennstig', 'Anna-Karin Åkesson'], 'version 2'],
    ]);
  });

  it.each([
    ['no deadline', { deadline: null }],
    ['no document version yet', { version: false }],
  ])('nothing with %s', async (_case, options) => {
    const { g } = await awaiting(options);
    expect(await due(g, hours(1))).toEqual([]);
  });

  it('nothing once the protokoll is justerat, or while it is only an utkast', async () => {
    const { g, meeting } = await awaiting();
    await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'justerat' });
    expect(await due(g, hours(1))).toEqual([]);
    await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'utkast' });
    expect(await due(g, hours(2))).toEqual([]);
  });

  it('a group whose approvers all approved is not reminded, and its reminder is not used up', async () => {
    const { g, meeting, version } = await awaiting();
    await approve(g, version!.id, 'mats');
    await approve(g, version!.id, 'anna');
    expect(await due(g, hours(-23))).toEqual([]);
    await addVersion(meeting.id, 2);
    expect((await due(g, hours(-22))).map((r) => r.stage)).toEqual(['soon']);
  });
});
