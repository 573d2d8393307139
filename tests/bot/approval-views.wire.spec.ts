/**
 * The approval card as Teams shows it: one shared card whose buttons only the approvers see
 * (Universal Actions `refresh.userIds` with the Teams ids learnt from the meeting), updated in place
 * when someone approves or the draft changes; the secretary completing the minutes after the
 * meeting (a new version at once, approvals reset); and nothing written after the lock.
 */
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import type { ConnectorCall } from '../support/bot-connector.server';
import { useWire } from '../support/wire';
import { describeEachStore } from '../support/stores';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'c0000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'c0000000-0000-4000-8000-000000000002' };
const anna: Person = { id: '29:anna', name: 'Anna-Karin Åkesson', aadObjectId: 'c0000000-0000-4000-8000-000000000003' };
const tina: Person = { id: '29:tina', name: 'Tina Olsson', aadObjectId: 'c0000000-0000-4000-8000-000000000004' };
/** Someone else whose display name is the chair's. */
const namesake: Person = { id: '29:other', name: 'Mats Wennstig', aadObjectId: 'c0000000-0000-4000-8000-0000000000ff' };
const at = (minutes: number) => new Date(Date.parse('2024-03-04T12:00:00.000Z') + minutes * 60_000).toISOString();

const buttonTitles = (card: any): string[] =>
  card.body.filter((e: any) => e.type === 'ActionSet').flatMap((e: any) => e.actions.map((a: any) => a.title));
const isApprovalCard = (body: any) => JSON.stringify(body?.attachments ?? []).includes('approval.');

describeEachStore('the approval card in Teams', (store) => {
  const wire = useWire(store);
  let channel: TeamsChannel;
  let posted: ConnectorCall;

  beforeAll(async () => {
    channel = new TeamsChannel({ teamId: '19:views-team@thread.tacv2', teamName: 'Vyer', channelId: '19:views@thread.tacv2' }, wire.connector.url);
  });

  const say = async (who: Person, text: string, minute: number) => {
    const before = wire.connector.calls.length;
    const res = await deliver(wire.app.url, channel.message(who, text, at(minute)));
    expect(res.status).toBe(200);
    const calls = wire.connector.calls.slice(before);
    return {
      text: calls.filter((c) => c.method === 'POST').map((c) => c.body?.text ?? '').join('\n'),
      posts: calls.filter((c) => c.method === 'POST' && isApprovalCard(c.body)),
      updates: calls.filter((c) => c.method === 'PUT'),
    };
  };
  const invoke = async (who: Person, verb: string, data: Record<string, unknown>, minute: number, trigger: 'manual' | 'automatic' = 'manual') => {
    const before = wire.connector.calls.length;
    const res = await deliver(wire.app.url, channel.cardAction(who, verb, data, at(minute), trigger));
    return { value: res.body.value, updates: wire.connector.calls.slice(before).filter((c) => c.method === 'PUT') };
  };
  const meeting = async () => {
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.name === 'Vyer')!;
    return (await repos.meetings.list(group.id))[0]!;
  };

  it('posts one shared card whose buttons only the approvers get, by their Teams ids', async () => {
    await deliver(wire.app.url, channel.install(at(-10)));
    await say(sandra, [
      'ledamöter',
      'Mats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande',
      'Anna-Karin Åkesson; verksamhetschef; Ronneby kommun; ledamot',
      'Tina Olsson; projektledare; Region Blekinge; ledamot',
      'Per Persson; socialchef; Karlshamns kommun; ledamot',
      'Sandra Johansson; processledare LOS; Region Blekinge; sekreterare',
    ].join('\n'), -9);
    await deliver(wire.app.url, channel.meetingStarted(at(0)));
    await deliver(wire.app.url, channel.participants('join', [mats, anna, tina, sandra], at(0)));
    // Matched by display name only: the secretary confirms the chair and the justerare.
    await say(sandra, 'bekräfta Mats Wennstig', 1);
    await say(sandra, 'bekräfta Anna-Karin Åkesson', 1);
    await say(sandra, 'beslut godkänna dagordningen', 2);
    await say(sandra, 'justerare Anna-Karin Åkesson', 3);

    const ended = await say(sandra, 'avsluta', 60);
    expect(ended.posts).toHaveLength(1);
    posted = ended.posts[0]!;
    const card = cardOf(posted);
    expect([...card.refresh.userIds].sort()).toEqual(['29:anna', '29:mats']);
    expect(card.refresh.action).toMatchObject({ type: 'Action.Execute', verb: 'approval.refresh' });
    expect(buttonTitles(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/Ordföranden och justerarna justerar här i kortet/);
    // the paragraph list, as numbered in the protokoll
    const texts = JSON.stringify(card);
    expect(texts).toContain('1. Godkännande av dagordning');
    expect(texts).toMatch(/"Beslut","value":"1"/);
  });

  it("refreshes to the approver's own view with the buttons, and to the status for anyone else", async () => {
    const meetingId = (await meeting()).id;
    const forMats = await invoke(mats, 'approval.refresh', { meetingId }, 61, 'automatic');
    expect(buttonTitles(forMats.value)).toEqual(['Justera', 'Begär ändring']);
    const forTina = await invoke(tina, 'approval.refresh', { meetingId }, 61);
    expect(buttonTitles(forTina.value)).toEqual([]);
    expect(JSON.stringify(forTina.value)).toMatch(/Mats Wennstig \(ordförande\): ⏳ väntar/);
  });

  it('refuses someone who only shares the chair’s name', async () => {
    const current = cardOf(posted);
    const data = current.refresh.action.data;
    const refused = await invoke(namesake, 'approval.approve', { ...data, documentVersionId: (await latestVersionId()) }, 62);
    expect(refused.value).toMatch(/Bara ordföranden och justerarna/);
  });

  const latestVersionId = async () => (await repositoriesFor(store().db).documents.latest((await meeting()).id))!.id;

  it('updates the shared card in place when an approver approves', async () => {
    const meetingId = (await meeting()).id;
    const approved = await invoke(mats, 'approval.approve', { meetingId, documentVersionId: await latestVersionId() }, 63);
    expect(JSON.stringify(approved.value)).toMatch(/Mats Wennstig \(ordförande\): ✅ justerat/);
    expect(approved.updates).toHaveLength(1);
    expect(approved.updates[0]!.activityId).toBe(posted.responseId);
    expect(approved.updates[0]!.conversationId).toBe(posted.conversationId);
    const shared = cardOf(approved.updates[0]!);
    expect(JSON.stringify(shared)).toMatch(/Mats Wennstig \(ordförande\): ✅ justerat/);
    expect(buttonTitles(shared)).toEqual([]);
  });

  it('tells the secretary under the card when an approver asks for a change', async () => {
    const meetingId = (await meeting()).id;
    const before = wire.connector.calls.length;
    const asked = await invoke(anna, 'approval.request-change', { meetingId, documentVersionId: await latestVersionId(), comment: 'Stavfel i punkt 1' }, 64);
    expect(JSON.stringify(asked.value)).toMatch(/Anna-Karin Åkesson \(justerare\): ✏️ begär ändring .* – Stavfel i punkt 1/);
    const notice = wire.connector.calls.slice(before).find((c) => c.method === 'POST' && /begär ändring/.test(c.body?.text ?? ''))!;
    expect(notice.body.text).toBe('<at>Sandra Johansson</at>: Anna-Karin Åkesson begär ändring i version 1: Stavfel i punkt 1');
    expect(notice.body.entities).toEqual([{ type: 'mention', text: '<at>Sandra Johansson</at>', mentioned: { id: '29:sandra', name: 'Sandra Johansson' } }]);
    expect(notice.conversationId).toBe(posted.conversationId);
  });

  it('lets the secretary complete the draft afterwards: a new version at once, approvals reset, the card updated', async () => {
    const moved = await say(sandra, 'punkt 1', 70);
    expect(moved.text).toMatch(/Du ändrar nu punkt 1 .* i protokollutkastet/);
    expect(moved.updates).toHaveLength(0);

    // Per was in the room, not in Teams: the meeting was not quorate for Karlshamn until this.
    const present = await say(sandra, 'närvarande Per Persson', 70);
    expect(present.text).toMatch(/Per Persson \(Karlshamns kommun\) är registrerad som närvarande hela mötet \(kl\. 13\.00–14\.00\)\. Utkastet är nu version 2\. Justeringen börjar om\./);
    expect((await say(sandra, 'frånvarande Tina Olsson', 70)).text).toMatch(/Efter mötet kan bara närvaro läggas till/);

    const added = await say(sandra, 'beslut lägga till frågan om fysiska möten under Övrigt', 71);
    expect(added.text).toMatch(/Utkastet är nu version 3\. Justeringen börjar om\./);
    // judged when the meeting was on the paragraph (everyone present), not after the meeting
    expect(added.text).not.toMatch(/inte beslutsfört/);
    expect(added.posts).toHaveLength(0);
    expect(added.updates).toHaveLength(1);
    const shared = cardOf(added.updates[0]!);
    expect(JSON.stringify(shared)).toMatch(/Version 3/);
    expect(JSON.stringify(shared)).toMatch(/Mats Wennstig \(ordförande\): ⏳ väntar/);
  });

  it('locks when both approve the new version, with the added clause in the final document', async () => {
    const meetingId = (await meeting()).id;
    const documentVersionId = await latestVersionId();
    await invoke(mats, 'approval.approve', { meetingId, documentVersionId }, 80);
    const last = await invoke(anna, 'approval.approve', { meetingId, documentVersionId }, 81);
    expect(JSON.stringify(last.value)).toMatch(/Protokollet är justerat och låst/);
    expect(JSON.stringify(cardOf(last.updates.at(-1)!))).toMatch(/Protokollet är justerat och låst/);
    expect(cardOf(last.updates.at(-1)!).refresh).toBeUndefined();

    const doc = await (await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll`)).json();
    const clauses = doc.paragraphs.flatMap((p: any) => p.content.filter((b: any) => b.kind === 'decision').flatMap((b: any) => b.clauses.map((c: any) => c.text)));
    expect(clauses).toContain('lägga till frågan om fysiska möten under Övrigt');
    expect(doc.presentMembers.map((m: any) => [m.name, m.partialPresence])).toContainEqual(['Per Persson', '']);
  });

  it('writes nothing into a locked protokoll', async () => {
    expect((await say(sandra, 'punkt 1', 90)).text).toMatch(/justerat och låst: det går inte att ändra/);
    expect((await say(sandra, 'anteckning Sent tillägg', 91)).text).toMatch(/justerat och låst: det går inte att ändra/);
    const repos = repositoriesFor(store().db);
    const notes = await repos.records.notes((await meeting()).id);
    expect(notes.map((n) => n.text)).not.toContain('Sent tillägg');
  });
});

describeEachStore('approvers the bot has never seen in Teams', (store) => {
  const wire = useWire(store);

  const meetingWithUnseenApprovers = async (team: string, members: Array<{ id: string; name: string; aadObjectId: string; email?: string }>, emails: Record<string, string>) => {
    const channel = new TeamsChannel({ teamId: team, teamName: `Osedda ${team.slice(3, 8)}`, channelId: `${team}-channel` }, wire.connector.url);
    wire.connector.teamMembers.set(team, members);
    const say = (text: string, minute: number) => deliver(wire.app.url, channel.message(sandra, text, at(minute)));
    await deliver(wire.app.url, channel.install(at(-10)));
    const withEmail = (name: string) => (emails[name] ? `; ${emails[name]}` : '');
    await say([
      'ledamöter',
      `Mats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande${withEmail('Mats Wennstig')}`,
      `Anna-Karin Åkesson; verksamhetschef; Ronneby kommun; ledamot${withEmail('Anna-Karin Åkesson')}`,
      'Sandra Johansson; processledare LOS; Region Blekinge; sekreterare',
    ].join('\n'), -9);
    await say('starta', 0);
    await say('justerare Anna-Karin Åkesson', 1);
    const before = wire.connector.calls.length;
    await say('avsluta', 30);
    return cardOf(wire.connector.calls.slice(before).find((c) => c.method === 'POST' && isApprovalCard(c.body))!);
  };

  it('asks Teams for the team’s members before posting: approvers whose e-mail Teams reports get their own views', async () => {
    const TEAM = '19:unseen-team@thread.tacv2';
    const card = await meetingWithUnseenApprovers(TEAM, [
      { id: mats.id, name: mats.name, aadObjectId: mats.aadObjectId!, email: 'mats.wennstig@regionblekinge.se' },
      { id: anna.id, name: anna.name, aadObjectId: anna.aadObjectId!, email: 'Anna-Karin.Akesson@ronneby.se' },
      { id: sandra.id, name: sandra.name, aadObjectId: sandra.aadObjectId! },
    ], { 'Mats Wennstig': 'mats.wennstig@regionblekinge.se', 'Anna-Karin Åkesson': 'anna-karin.akesson@ronneby.se' });
    expect([...card.refresh.userIds].sort()).toEqual(['29:anna', '29:mats']);
    expect(buttonTitles(card)).toEqual([]);
    expect(wire.connector.calls.some((c) => c.path === `/v3/conversations/${encodeURIComponent(TEAM)}/pagedmembers`)).toBe(true);
  });

  it('never ties an approver by a display name: an impostor sharing the chair’s name gets nothing, the buttons stay for everyone and the server decides', async () => {
    const TEAM = '19:named-team@thread.tacv2';
    const impostor = { id: '29:impostor', name: mats.name, aadObjectId: 'f9999999-0000-4000-8000-000000000009' };
    const card = await meetingWithUnseenApprovers(TEAM, [impostor, { id: anna.id, name: anna.name, aadObjectId: anna.aadObjectId! }], {});
    expect(card.refresh?.userIds ?? []).toEqual([]);
    expect(buttonTitles(card)).toEqual(expect.arrayContaining(['Justera']));
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.teamId === TEAM)!;
    expect((await repos.roster.list(group.id)).filter((m) => m.aadObjectId === impostor.aadObjectId)).toEqual([]);
  });
});

const cardOf = (call: ConnectorCall) => call.body.attachments[0].content;
