/**
 * The agenda timer over the wire: `tid <minuter>` before the meeting plans the last added item and
 * shows on the agenda card; the live stream carries time used against planned; when the current
 * item runs over, the scheduler tells the chair and the secretary once (a new plan starts afresh);
 * the protokoll prints none of it.
 */
import { describeEachStore } from '../support/stores';
import { useWire } from '../support/wire';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';
import { SseClient } from '../support/sse-client';
import type { LiveMeetingView } from '../../bot/src/core/use-cases/live-view';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'c0000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'c0000000-0000-4000-8000-000000000002' };
const anna: Person = { id: '29:anna', name: 'Anna-Karin Åkesson', aadObjectId: 'c0000000-0000-4000-8000-000000000003' };

describeEachStore('the agenda timer', (store) => {
  const wire = useWire(store);
  let channel: TeamsChannel;
  const now = Date.now();
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  /** Posts the bot made on its own: a new thread in the channel carries its first message as `activity`. */
  const posted = (from: number) => wire.connector.calls.slice(from).map((c) => c.body?.activity ?? c.body).filter((b) => b?.type === 'message');
  const say = async (text: string, minute: number, from: Person = sandra) => {
    const before = wire.connector.messages.length;
    const res = await deliver(wire.app.url, channel.message(from, text, at(minute)));
    expect(res.status).toBeLessThan(300);
    return { texts: wire.connector.messages.slice(before).map((m) => m.text ?? '').join('\n'), messages: wire.connector.messages.slice(before) };
  };
  let meetingId: string;
  let budgetId: string;

  beforeAll(async () => {
    channel = new TeamsChannel({ teamId: '19:timer-team@thread.tacv2', teamName: 'Tidgruppen', channelId: '19:timer@thread.tacv2' }, wire.connector.url);
    await deliver(wire.app.url, channel.install(at(-60)));
    await say([
      'ledamöter',
      'Sandra Johansson; processledare; Region Blekinge; sekreterare',
      'Mats Wennstig; strateg; Region Blekinge; ordförande',
      'Anna-Karin Åkesson; verksamhetschef; Ronneby kommun; ledamot',
    ].join('\n'), -50);
    await say('ny punkt Budget 2025 (B)', -48);
  });

  it('plans the last added item before the meeting and shows it on the agenda card', async () => {
    expect((await say('tid 10', -47)).texts).toMatch(/^Planerad tid för punkt 3 Budget 2025: 10 min\. Mötespanelen räknar tiden; den skrivs inte i protokollet\.$/);
    const agenda = await say('dagordning', -46);
    expect(JSON.stringify(agenda.messages)).toContain('Budget 2025 (B) · 10 min');
    expect((await say('tid 10', -45, anna)).texts).toMatch(/Bara gruppens sekreterare och ordförande/);
  });

  it('streams time used against planned per item and for the meeting', async () => {
    await deliver(wire.app.url, channel.participants('join', [sandra, mats, anna], at(-21)));
    await deliver(wire.app.url, channel.meetingStarted(at(-20)));
    expect((await say('punkt 3', -12)).texts).toMatch(/Nu behandlas punkt 3 Budget 2025/);
    const meetings = await (await fetch(`${wire.app.url}/api/groups/${(await (await fetch(`${wire.app.url}/api/groups`)).json()).find((g: { name: string }) => g.name === 'Tidgruppen').id}/meetings`)).json();
    meetingId = meetings.meetings[0].id;
    const stream = await SseClient.open(`${wire.app.url}/api/meetings/${meetingId}/live`);
    try {
      const view = (await stream.next()).data as LiveMeetingView;
      budgetId = view.current!.itemId;
      expect(view.timer.runningItemId).toBe(budgetId);
      expect(view.timer.items[budgetId]!.plannedMinutes).toBe(10);
      expect(view.timer.items[budgetId]!.usedSeconds).toBeGreaterThanOrEqual(12 * 60);
      expect(view.timer.items[budgetId]!.usedSeconds).toBeLessThan(13 * 60);
      expect(view.timer.plannedMinutes).toBe(10);
      expect(view.timer.usedSeconds).toBeGreaterThanOrEqual(20 * 60);
      expect(view.agenda.find((e) => e.itemId === budgetId)?.plannedMinutes).toBe(10);
    } finally {
      await stream.close();
    }
  });

  it('tells the chair and the secretary once when the item runs over, and again only after a new plan runs out', async () => {
    const before = wire.connector.calls.length;
    const first = await wire.app.scheduler.tick(at(0));
    expect(first.overruns).toBe(1);
    const told = posted(before);
    expect(told).toHaveLength(1);
    expect(told[0].text).toMatch(/Tiden för punkt 3 Budget 2025 är slut: 12 min av planerade 10 min\./);
    // both named; @mentioned where Teams has told the bot who they are (Mats has not written yet: his name is text)
    expect(told[0].text).toContain('Sandra Johansson');
    expect(told[0].text).toContain('Mats Wennstig');
    expect(told[0].text).not.toContain('Anna-Karin');
    expect(told[0].entities.filter((e: { type: string }) => e.type === 'mention').map((e: { mentioned: { name: string } }) => e.mentioned.name)).toEqual(['Sandra Johansson']);

    expect((await wire.app.scheduler.tick(at(1))).overruns).toBe(0);
    expect(posted(before)).toHaveLength(1);
    await say('tid 14', 1);
    expect((await wire.app.scheduler.tick(at(1))).overruns).toBe(0); // 13 of 14 minutes
    expect((await wire.app.scheduler.tick(at(3))).overruns).toBe(1);
    expect((await wire.app.scheduler.tick(at(4))).overruns).toBe(0);
  });

  it('prints nothing of it in the protokoll', async () => {
    await deliver(wire.app.url, channel.meetingEnded(at(5)));
    const page = await (await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll.html`)).text();
    expect(page).toContain('Budget 2025');
    expect(page).not.toMatch(/10 min|14 min|planera|Tiden för/);
  });
});
