/**
 * Teams' attendance report reconciled with the live events on a real store: what it adds, when it
 * counts as a change, and that a draft awaiting justering gets a new version while a locked one is left alone.
 */
import type { IsoTime } from '../../../bot/src/core/model';
import type { ProtokollDocuments } from '../../../bot/src/core/ports';
import { importAttendanceReport, type ReportRecord } from '../../../bot/src/core/use-cases/attendance-report';
import { endMeeting, nextItem } from '../../../bot/src/core/use-cases/meeting-flow';
import { at, describeUseCase, type GroupFixture } from '../../support/use-case-fixture';

const record = (displayName: string, from: number, to: number | null, identity: { aadObjectId?: string | null; email?: string | null } = {}): ReportRecord => ({
  displayName, email: identity.email ?? null, aadObjectId: identity.aadObjectId ?? null, intervals: [{ joinedAt: at(from), leftAt: to === null ? null : at(to) }],
});

describeUseCase('attendance report', (fx) => {
  const rendered: Array<{ status: string; version: number; renderedAt: IsoTime; present: string[] }> = [];
  // What the document prints, for this spec: who was present.
  const printed = (meetingRecord: Parameters<ProtokollDocuments['contentDigest']>[0]) => meetingRecord.intervals.map((i) => i.displayName).sort();
  const render: ProtokollDocuments = {
    render: async (meetingRecord, options) => {
      rendered.push({ status: options.status, version: options.version, renderedAt: options.renderedAt, present: printed(meetingRecord) });
      return Buffer.from(`protokoll v${options.version}`);
    },
    contentDigest: (meetingRecord) => JSON.stringify(printed(meetingRecord)),
  };
  beforeEach(() => {
    rendered.length = 0;
  });

  /** Ended at 10.30 after § 1 (09.00) and § 2 (09.30); Mats and Anna-Karin joined live at 08.58. */
  async function ended(): Promise<GroupFixture & { meetingId: string }> {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { joined: ['mats', 'anna'] });
    await fx.run((repos) => nextItem(repos, g.ctx(30)));
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    return { ...g, meetingId: meeting.id };
  }
  const report = (g: GroupFixture & { meetingId: string }, records: ReportRecord[], minute = 200) =>
    fx.run((repos) => importAttendanceReport(repos, g.group, g.meetingId, records, at(minute), render));

  it('adds who the live events missed, matched by e-mail or Entra id; guests become övriga deltagare', async () => {
    const g = await ended();
    const records = [
      record('Mats Wennstig (Region Blekinge)', -2, 90, { aadObjectId: g.members.mats.aadObjectId }),
      record('Welander, Rebecca', 5, 90, { email: 'rebecca.welander@karlshamn.se' }),
      record('Tina Olsson', 10, 40),
    ];
    expect(await report(g, records)).toEqual({ changed: true, newlyPresent: ['Rebecca Welander'], draft: null });
    expect((await fx.repos.attendance.reportIntervals(g.meetingId)).map((i) => [i.memberId, i.displayName, i.joinedAt, i.leftAt, i.source])).toEqual([
      [g.members.mats.id, 'Mats Wennstig', at(-2), at(90), 'report'],
      [g.members.rebecca.id, 'Rebecca Welander', at(5), at(90), 'report'],
      [null, 'Tina Olsson', at(10), at(40), 'report'],
    ]);
    expect(rendered).toEqual([]); // an utkast is rendered when it is sent for justering, not here
    expect((await fx.repos.meetings.findById(g.group.id, g.meetingId))!.status).toBe('utkast');
  });

  it('the same report again, or one that only confirms the live events, changes nothing', async () => {
    const g = await ended();
    const confirming = [record('Mats Wennstig', -2, null, { aadObjectId: g.members.mats.aadObjectId }), record('Anna-Karin Åkesson', -1, 95)];
    expect(await report(g, confirming)).toEqual({ changed: false, newlyPresent: [], draft: null });
    const adding = [record('Rebecca Welander', 0, 90)];
    expect((await report(g, adding)).changed).toBe(true);
    expect(await report(g, adding, 300)).toEqual({ changed: false, newlyPresent: [], draft: null });
  });

  it('a change of paragraphs only (Anna-Karin there for § 2 after all) is a change, but nobody is newly present', async () => {
    const g = await ended();
    await fx.join(g, 'anna', 20, 'leave');
    expect(await report(g, [record('Anna-Karin Åkesson', 25, 90)])).toEqual({ changed: true, newlyPresent: [], draft: null });
  });

  it('a draft awaiting justering is rendered again as the next version with the report in it', async () => {
    const g = await ended();
    await fx.repos.documents.addVersion(g.meetingId, { version: 1, sha256: 'a'.repeat(64), docx: Buffer.from('v1'), final: false, createdAt: at(100) });
    await fx.repos.meetings.update(g.group.id, g.meetingId, { status: 'justering' });
    const result = await report(g, [record('Rebecca Welander', 0, 90)]);
    expect(result).toMatchObject({ changed: true, newlyPresent: ['Rebecca Welander'] });
    expect(result.draft!.version).toMatchObject({ version: 2, final: false });
    expect(rendered).toEqual([{ status: 'justering', version: 2, renderedAt: at(200), present: ['Anna-Karin Åkesson', 'Mats Wennstig', 'Rebecca Welander'] }]);
    expect((await fx.repos.documents.latest(g.meetingId))!.version).toBe(2);
    expect((await fx.repos.meetings.findById(g.group.id, g.meetingId))!.status).toBe('justering');
  });

  it('a justerat protokoll is what was approved: the report is not stored and changes nothing', async () => {
    const g = await ended();
    await fx.repos.meetings.update(g.group.id, g.meetingId, { status: 'justerat' });
    expect(await report(g, [record('Rebecca Welander', 0, 90)])).toEqual({ changed: false, newlyPresent: [], draft: null });
    expect(await fx.repos.attendance.reportIntervals(g.meetingId)).toEqual([]);
    expect(rendered).toEqual([]);
  });

  it('another group\'s meeting is not touched', async () => {
    const g = await ended();
    const other = await fx.group();
    const result = await fx.run((repos) => importAttendanceReport(repos, other.group, g.meetingId, [record('Rebecca Welander', 0, 90)], at(200), render));
    expect(result).toEqual({ changed: false, newlyPresent: [], draft: null });
    expect(await fx.repos.attendance.reportIntervals(g.meetingId)).toEqual([]);
  });
});
