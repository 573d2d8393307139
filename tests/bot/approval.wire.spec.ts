/**
 * Justering over the wire: the draft posted by `avsluta`, a non-approver refused, a change request,
 * `avsluta` again changing nothing, a real change making a new version that resets approvals, two approvers clicking at the same instant, a retried
 * click, edits after the lock refused, and the locked document's hash checked against its bytes.
 */
import { createHash } from 'node:crypto';
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import { useWire } from '../support/wire';
import { describeEachStore } from '../support/stores';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'b0000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'b0000000-0000-4000-8000-000000000002' };
const anna: Person = { id: '29:anna', name: 'Anna-Karin Åkesson', aadObjectId: 'b0000000-0000-4000-8000-000000000003' };
const tina: Person = { id: '29:tina', name: 'Tina Olsson', aadObjectId: 'b0000000-0000-4000-8000-000000000004' };
const at = (minutes: number) => new Date(Date.parse('2024-02-16T07:15:00.000Z') + minutes * 60_000).toISOString();
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describeEachStore('justering over the wire', (store) => {
  const wire = useWire(store);
  let channel: TeamsChannel;

  beforeAll(async () => {
    channel = new TeamsChannel({ teamId: '19:lsvo-team@thread.tacv2', teamName: 'LSVO', channelId: '19:lsvo@thread.tacv2' }, wire.connector.url);
  });

  const say = async (who: Person, text: string, minute: number) => {
    const before = wire.connector.messages.length;
    await deliver(wire.app.url, channel.message(who, text, at(minute)));
    const replies = wire.connector.messages.slice(before);
    return { text: replies.map((m) => m.text ?? '').join('\n'), card: replies.flatMap((m) => (m.attachments ?? []).map((a: any) => a.content))[0] };
  };
  const actionsOf = (card: any): any[] => [...(card.actions ?? []), ...card.body.filter((e: any) => e.type === 'ActionSet').flatMap((e: any) => e.actions)];
  /**
   * Presses a button as `who` sees it: on the shared card, or (when only approvers get the buttons,
   * in their own view) on the view Teams fetches for them; someone without the button presses it
   * anyway with a crafted invoke, as any client could.
   */
  const click = async (who: Person, card: any, title: string, minute: number, extra: Record<string, unknown> = {}) => {
    let action = actionsOf(card).find((a: any) => a.title === title);
    if (!action && card.refresh) {
      const view = (await deliver(wire.app.url, channel.cardAction(who, card.refresh.action.verb, card.refresh.action.data, at(minute), 'automatic'))).body.value;
      action = typeof view === 'object' ? actionsOf(view).find((a: any) => a.title === title) : undefined;
    }
    if (!action && title === 'Justera') {
      const repos = repositoriesFor(store().db);
      const version = (await repos.documents.latest(card.refresh.action.data.meetingId))!;
      action = { verb: 'approval.approve', data: { meetingId: card.refresh.action.data.meetingId, documentVersionId: version.id } };
    }
    const activity = channel.cardAction(who, action.verb, { ...action.data, ...extra }, at(minute));
    return { activity, response: (await deliver(wire.app.url, activity)).body };
  };

  let draftCard: any;

  it('posts the draft with the approval card when the meeting ends', async () => {
    await deliver(wire.app.url, channel.install(at(-10)));
    await say(sandra, [
      'ledamöter',
      // The approvers never join in Teams: they are known by the e-mail the roster has and Teams reports.
      'Mats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande; mats.wennstig@regionblekinge.se',
      'Anna-Karin Åkesson; verksamhetschef; Ronneby kommun; ledamot; anna-karin.akesson@ronneby.se',
      'Tina Olsson; projektledare; Region Blekinge; adjungerad',
      'Sandra Johansson; processledare LOS; Region Blekinge; sekreterare',
    ].join('\n'), -9);
    wire.connector.teamMembers.set('19:lsvo-team@thread.tacv2', [
      { ...mats, email: 'Mats.Wennstig@regionblekinge.se' },
      { ...anna, userPrincipalName: 'anna-karin.akesson@ronneby.se' },
      { ...tina, email: 'tina.olsson@regionblekinge.se' },
    ]);
    await say(sandra, 'starta', 0);
    await say(sandra, 'beslut godkänna dagordningen', 1);
    await say(sandra, 'justerare Anna-Karin Åkesson', 2);
    const ended = await say(sandra, 'avsluta', 60);
    expect(ended.text).toMatch(/version 1\) väntar på justering av Mats Wennstig, Anna-Karin Åkesson/);
    draftCard = ended.card;
    expect(JSON.stringify(draftCard)).toMatch(/⏳ väntar/);
  });

  it('refuses someone who is not an approver', async () => {
    const { response } = await click(tina, draftCard, 'Justera', 61);
    expect(response.value).toMatch(/Bara ordföranden och justerarna \(Mats Wennstig, Anna-Karin Åkesson\)/);
  });

  it('records a change request, and a new version resets the approvals', async () => {
    const requested = await say(anna, 'ändra Stavfel i punkt 1', 62);
    expect(requested.text).toMatch(/Anna-Karin Åkesson begär ändring i version 1: Stavfel i punkt 1/);
    const approvedOld = await click(mats, draftCard, 'Justera', 63);
    expect(JSON.stringify(approvedOld.response.value)).toMatch(/Mats Wennstig \(ordförande\): ✅ justerat/);

    // `avsluta` again changes nothing: no new version, the approvals stand
    const repeated = await say(sandra, 'avsluta', 65);
    expect(repeated.text).toMatch(/Inget i protokollet har ändrats sedan version 1, så ingen ny version skapas\. Version 1 väntar på justering av Anna-Karin Åkesson\. Mats Wennstig har redan justerat den\./);
    expect(repeated.card).toBeUndefined();

    // the secretary makes the change: a new version at once, and the approvals start over
    expect((await say(sandra, 'punkt 1', 69)).text).toMatch(/punkt 1/);
    const second = await say(sandra, 'anteckning Stavfelet är rättat.', 70);
    expect(second.text).toMatch(/Utkastet är nu version 2\. Justeringen börjar om\./);
    draftCard = second.card;
    expect(JSON.stringify(draftCard)).not.toMatch(/✅/);
    // a click on the old card no longer counts
    const stale = await click(anna, approvedOld.response.value, 'Justera', 71);
    expect(stale.response.value).toMatch(/Utkastet har ändrats sedan kortet skickades\. Justera version 2/);
  });

  it('locks once both approvers approve at the same instant, and a retried click records nothing', async () => {
    // Both approvers are known to Teams by now: each gets the buttons in their own view of the card.
    const [matsCard, annaCard] = [(await click(mats, draftCard, 'Uppdatera', 79)).response.value, (await click(anna, draftCard, 'Uppdatera', 79)).response.value];
    const [byMats, byAnna] = await Promise.all([click(mats, matsCard, 'Justera', 80), click(anna, annaCard, 'Justera', 80)]);
    const cards = [byMats.response.value, byAnna.response.value].map((v) => JSON.stringify(v));
    expect(cards.some((c) => c.includes('Protokollet är justerat och låst'))).toBe(true);
    const retry = await deliver(wire.app.url, byMats.activity);
    expect(retry.body.value).toBe('Det här är redan registrerat.');

    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.name === 'LSVO')!;
    const [meeting] = await repos.meetings.list(group.id);
    expect(meeting!.status).toBe('justerat');
    const final = (await repos.documents.latest(meeting!.id))!;
    expect(final).toMatchObject({ version: 3, final: true });
  });

  it('refuses changes after the lock', async () => {
    expect((await say(mats, 'justera', 90)).text).toMatch(/inget protokollutkast som väntar på justering/);
    expect((await say(sandra, 'avsluta', 91)).text).toMatch(/Inget möte pågår|låst/);
  });

  it('serves the locked document, whose approval hash verifies against the approved draft', async () => {
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.name === 'LSVO')!;
    const [meeting] = await repos.meetings.list(group.id);
    const doc = await (await fetch(`${wire.app.url}/api/meetings/${meeting!.id}/protokoll`)).json();
    expect(doc.status).toBe('justerat');
    const rows = await store().db.selectFrom('document_versions').select(['version', 'sha256', 'docx', 'final']).where('meeting_id', '=', meeting!.id).orderBy('version').execute();
    expect(rows.map((r) => [r.version, r.final])).toEqual([[1, false], [2, false], [3, true]]);
    for (const row of rows) expect(sha(Buffer.from(row.docx))).toBe(row.sha256);

    const served = Buffer.from(await (await fetch(`${wire.app.url}/api/meetings/${meeting!.id}/protokoll.docx`)).arrayBuffer());
    expect(sha(served)).toBe(rows[2]!.sha256);
    const approvals = await store().db.selectFrom('approvals').innerJoin('document_versions', 'document_versions.id', 'approvals.document_version_id')
      .select(['document_versions.version', 'approvals.aad_object_id', 'approvals.decision']).where('document_versions.meeting_id', '=', meeting!.id).execute();
    expect(approvals.filter((a) => a.version === 2).map((a) => [a.aad_object_id, a.decision]).sort()).toEqual([
      [anna.aadObjectId, 'approved'], [mats.aadObjectId, 'approved'],
    ].sort());
  });
});
