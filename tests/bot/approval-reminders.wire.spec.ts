/**
 * The justering deadline: a day before it, and once when it has passed, the approvers who have not
 * approved are @mentioned under the approval card. Each reminder goes out once, also when the job
 * runs twice at the same instant (two server instances); a new deadline gets new reminders.
 */
import { useWire } from '../support/wire';
import { meetingWithDraft } from '../support/draft-meeting';
import { describeEachStore } from '../support/stores';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'd0000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'd0000000-0000-4000-8000-000000000002' };
const anna: Person = { id: '29:anna', name: 'Anna-Karin Åkesson', aadObjectId: 'd0000000-0000-4000-8000-000000000003' };
const at = (minutes: number) => new Date(Date.parse('2024-03-04T12:00:00.000Z') + minutes * 60_000).toISOString();
/** `justering senast 2024-03-08 kl. 16.00` in Stockholm (CET) is 15:00 UTC. */
const DEADLINE = Date.parse('2024-03-08T15:00:00.000Z');
const hoursFromDeadline = (hours: number) => new Date(DEADLINE + hours * 3_600_000).toISOString();

describeEachStore('justering reminders', (store) => {
  const wire = useWire(store);
  let channel: TeamsChannel;

  beforeAll(async () => {
    channel = new TeamsChannel({ teamId: '19:remind-team@thread.tacv2', teamName: 'Påminnelser', channelId: '19:remind@thread.tacv2' }, wire.connector.url);
    await meetingWithDraft(wire.app.url, channel, { chair: mats, adjuster: anna, secretary: sandra }, at, ['justering senast 2024-03-08 kl. 16.00']);
    await deliver(wire.app.url, channel.message(mats, 'justera', at(61)));
  });

  const remindersSince = (count: number) => wire.connector.messages.slice(count).filter((m) => /justera/i.test(m.text ?? '') && m.entities);

  it('sends nothing while the deadline is more than a day away', async () => {
    expect(await wire.app.approvalReminders.run(hoursFromDeadline(-25))).toBe(0);
  });

  it('a day before: mentions only the approver who has not approved, under the card, once', async () => {
    const before = wire.connector.messages.length;
    const [first, second] = await Promise.all([wire.app.approvalReminders.run(hoursFromDeadline(-23)), wire.app.approvalReminders.run(hoursFromDeadline(-23))]);
    expect(first + second).toBe(1);
    const [reminder] = remindersSince(before);
    expect(reminder.text).toBe('<at>Anna-Karin Åkesson</at>: Påminnelse: protokollet (version 1) ska vara justerat senast 2024-03-08 kl. 16.00. Justera eller begär ändring i kortet ovan.');
    expect(reminder.entities).toEqual([{ type: 'mention', text: '<at>Anna-Karin Åkesson</at>', mentioned: { id: '29:anna', name: 'Anna-Karin Åkesson' } }]);
    // a reply in the channel thread where the card was posted
    const card = wire.connector.calls.find((c) => c.method === 'POST' && JSON.stringify(c.body?.attachments ?? []).includes('approval.'))!;
    expect(wire.connector.calls.find((c) => c.body === reminder)!.conversationId).toBe(card.conversationId);
    expect(await wire.app.approvalReminders.run(hoursFromDeadline(-1))).toBe(0);
  });

  it('when the deadline has passed: once more, then never again', async () => {
    const before = wire.connector.messages.length;
    expect(await wire.app.approvalReminders.run(hoursFromDeadline(0.5))).toBe(1);
    expect(remindersSince(before)[0].text).toMatch(/Tiden för justering gick ut 2024-03-08 kl\. 16\.00/);
    expect(await wire.app.approvalReminders.run(hoursFromDeadline(30))).toBe(0);
  });

  it('a new deadline is a new version (the document prints it): approvals start over, with their own reminders; a justerat protokoll none', async () => {
    const changed = await deliver(wire.app.url, channel.message(sandra, 'justering senast 2024-03-12', at(62)));
    expect(changed.status).toBe(200);
    const before = wire.connector.messages.length;
    expect(await wire.app.approvalReminders.run(new Date(Date.parse('2024-03-12T15:00:00.000Z') - 3_600_000).toISOString())).toBe(1);
    expect(remindersSince(before)[0].text).toMatch(/^<at>Mats Wennstig<\/at>, <at>Anna-Karin Åkesson<\/at>: .*version 2\)/);
    await deliver(wire.app.url, channel.message(mats, 'justera', at(63)));
    await deliver(wire.app.url, channel.message(anna, 'justera', at(63)));
    expect(await wire.app.approvalReminders.run('2024-03-13T12:00:00.000Z')).toBe(0);
  });
});
