/**
 * `justeras omedelbart` over the wire: the card to the chair and the justerare, who alone may approve
 * (by confirmed identity), approvals bound to the paragraph as it stood when asked, the paragraph
 * locked once both have approved, its action in force before the protokoll is, and the protokoll
 * printing "Paragrafen förklaras omedelbart justerad." once, last in that paragraph only.
 */
import { describeEachStore } from '../support/stores';
import { useWire } from '../support/wire';
import { visibleText as visible } from '../support/page-text';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';
import { readZip, wordText, zipText } from '../support/zip-reader';
import { expectInOrder } from '../unit/documents/expect-order';
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import type { ProtokollDocument } from '../../bot/src/documents/protokoll.model';
import { expectReadablePdf } from './replay/replay-driver';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'f1000000-0000-4000-8000-000000000001' };
const karin: Person = { id: '29:karin', name: 'Karin Berg', aadObjectId: 'f1000000-0000-4000-8000-000000000002' };
const lisa: Person = { id: '29:lisa', name: 'Lisa Berg', aadObjectId: 'f1000000-0000-4000-8000-000000000003' };
const per: Person = { id: '29:per', name: 'Per Öst', aadObjectId: 'f1000000-0000-4000-8000-000000000004' };

const at = (minutes: number) => new Date(Date.parse('2025-03-12T13:00:00.000Z') + minutes * 60_000).toISOString();
const ADJUSTED = 'Paragrafen förklaras omedelbart justerad.';

describeEachStore('omedelbar justering of one paragraph', (store, kind) => {
  const wire = useWire(store);
  let channel: TeamsChannel;
  let meetingId: string;
  let card: any;

  const send = async (activity: unknown) => {
    const before = wire.connector.messages.length;
    const res = await deliver(wire.app.url, activity);
    expect(res.status).toBeLessThan(300);
    const replies = wire.connector.messages.slice(before);
    return { body: res.body, text: replies.map((m) => m.text ?? '').join('\n'), card: replies.flatMap((m) => (m.attachments ?? []).map((a: any) => a.content))[0] };
  };
  const say = async (text: string, minute: number, who: Person = sandra) => (await send(channel.message(who, text, at(minute)))).text;
  /** Presses Justera as `who`: on their own view of the card (Teams fetches it for the approvers), or crafted. */
  const approve = async (who: Person, minute: number) => {
    const data = card.refresh.action.data;
    const activity = channel.cardAction(who, 'paragraph.approve', data, at(minute));
    return { activity, ...(await send(activity)) };
  };
  const viewOf = async (who: Person, minute: number) => (await send(channel.cardAction(who, card.refresh.action.verb, card.refresh.action.data, at(minute), 'automatic'))).body.value;
  const buttons = (view: any) => JSON.stringify(view).includes('Justera paragrafen');
  const entries = async () => {
    const repos = repositoriesFor(store().db);
    return { notes: (await repos.records.notes(meetingId)).length, decisions: (await repos.records.decisions(meetingId)).length };
  };

  beforeAll(async () => {
    channel = new TeamsChannel({ teamId: '19:upph-team@thread.tacv2', teamName: 'Socialnämnden', channelId: '19:upph@thread.tacv2' }, wire.connector.url);
    await send(channel.install(at(-60)));
    await say([
      'ledamöter',
      'Karin Berg (S); ordförande; Ronneby kommun; ordförande',
      'Lisa Berg (V); ledamot; Ronneby kommun; ledamot',
      'Per Öst (M); ledamot; Ronneby kommun; ledamot',
      'Sandra Johansson; nämndsekreterare; Ronneby kommun; sekreterare',
    ].join('\n'), -50);
    await say('ny punkt Upphandling av hemtjänst', -40);
    await say('ny punkt Bidrag till föreningar', -39);
    await send(channel.participants('join', [karin, lisa, per, sandra], at(-1)));
    await send(channel.meetingStarted(at(0)));
    // joined under their roster names: the secretary ties the accounts to the roster
    expect(await say('bekräfta Karin Berg', 1)).toMatch(/bekräftad/);
    expect(await say('bekräfta Lisa Berg', 1)).toMatch(/bekräftad/);
    expect(await say('bekräfta Per Öst', 1)).toMatch(/bekräftad/);
    const repos = repositoriesFor(store().db);
    meetingId = (await repos.meetings.list((await repos.groups.listAll()).find((g) => g.name === 'Socialnämnden')!.id))[0]!.id;
  });

  it('asks nothing of a paragraph without a decision or of a meeting without justerare', async () => {
    expect(await say('punkt 3', 5)).toMatch(/punkt 3 Upphandling av hemtjänst/);
    expect(await say('justeras omedelbart', 6)).toBe('punkt 3 Upphandling av hemtjänst har inget beslut att justera. Skriv beslutet först med `beslut`.');
    await say('beslut anta tilldelningsbeslutet', 7);
    expect(await say('justeras omedelbart', 8)).toBe('Välj justerare först: skriv `justerare <namn>`. Ordföranden och justeraren justerar paragrafen.');
  });

  it('posts a card for the chair and the justerare with the paragraph’s decision', async () => {
    await say('åtgärd Meddela anbudsgivarna ansvarig Lisa Berg senast 2025-04-01', 9);
    await say('justerare Lisa Berg', 10);
    const asked = await send(channel.message(sandra, 'justeras omedelbart', at(11)));
    expect(asked.text).toBe('punkt 3 Upphandling av hemtjänst ska justeras omedelbart: Karin Berg och Lisa Berg justerar paragrafen i kortet.');
    card = asked.card;
    const shown = JSON.stringify(card);
    expect(shown).toMatch(/Omedelbar justering: punkt 3 Upphandling av hemtjänst/);
    expect(shown).toMatch(/att anta tilldelningsbeslutet/);
    expect(shown).toMatch(/Karin Berg \(ordförande\): ⏳ väntar/);
    expect(shown).toMatch(/Lisa Berg \(justerare\): ⏳ väntar/);
    // both approvers' accounts are known: only they get the button, in their own view
    expect(card.refresh.userIds).toEqual([karin.id, lisa.id]);
    expect(buttons(card)).toBe(false);
    expect(buttons(await viewOf(karin, 11))).toBe(true);
    expect(buttons(await viewOf(per, 11))).toBe(false);
  });

  it('refuses anyone but the approvers, and an approval of content that has changed since', async () => {
    const refused = await approve(per, 12);
    expect(JSON.stringify(refused.body)).toMatch(/Bara ordföranden och justerarna \(Karin Berg, Lisa Berg\) kan justera punkt 3 Upphandling av hemtjänst/);
    expect(await say('anteckning Förvaltningen föredrog ärendet.', 13)).toMatch(/sparad/);
    const stale = await approve(karin, 14);
    expect(JSON.stringify(stale.body)).toMatch(/punkt 3 Upphandling av hemtjänst har ändrats sedan kortet skickades/);
    card = (await send(channel.message(sandra, 'justeras omedelbart', at(15)))).card;
  });

  it('counts an approval once, even when Teams sends it again, and locks the paragraph when both have approved', async () => {
    const first = await approve(karin, 16);
    // the approver's card answers the press: her approval, the one still waited for
    expect(JSON.stringify(first.body.value)).toMatch(/Karin Berg \(ordförande\): ✅ justerat 2025-03-12 kl\. 14\.16/);
    expect(JSON.stringify(first.body.value)).toMatch(/Lisa Berg \(justerare\): ⏳ väntar/);
    const retried = await send(first.activity);
    expect(retried.text).toBe('');
    const done = await approve(lisa, 17);
    expect(JSON.stringify(done.body.value)).toMatch(/🔒 Paragrafen förklaras omedelbart justerad/);
    expect(buttons(done.body.value)).toBe(false);
    const repos = repositoriesFor(store().db);
    const [adjustment] = await repos.records.adjustments(meetingId);
    expect(adjustment!.approvals.map((a) => a.memberId).length).toBe(2);
  });

  it('refuses every change to the adjusted paragraph, and records elsewhere as before', async () => {
    const before = await entries();
    expect(await say('anteckning En rad till', 18)).toBe('punkt 3 Upphandling av hemtjänst är omedelbart justerad och kan inte ändras.');
    expect(await say('beslut ändra beslutet', 18)).toBe('punkt 3 Upphandling av hemtjänst är omedelbart justerad och kan inte ändras.');
    expect(await say('justeras omedelbart', 18)).toBe('punkt 3 Upphandling av hemtjänst är redan omedelbart justerad.');
    expect(await entries()).toEqual(before);
    expect(await say('nästa', 20)).toMatch(/punkt 4 Bidrag till föreningar/);
    expect(await say('beslut bevilja bidrag', 21)).toMatch(/beslutar att bevilja bidrag/);
  });

  it('puts the paragraph’s action in force at once: listed live and can be marked done while the meeting runs', async () => {
    const groups: Array<{ id: string; name: string }> = await (await fetch(`${wire.app.url}/api/groups`)).json();
    const groupId = groups.find((g) => g.name === 'Socialnämnden')!.id;
    const { actions: list } = (await (await fetch(`${wire.app.url}/api/groups/${groupId}/actions?status=all`)).json()) as { actions: any[] };
    const action = list.find((a) => a.text === 'Meddela anbudsgivarna');
    expect(action).toMatchObject({ live: true, status: 'open' });
    const res = await fetch(`${wire.app.url}/api/actions/${action.id}`, {
      method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'done', version: action.version }),
    });
    expect(res.status).toBe(200);
  });

  it('prints the sentence last in that paragraph, once, and nowhere else', async () => {
    expect(await say('avsluta', 40)).toMatch(/avslut/i);
    const page = visible(await (await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll.html`)).text());
    const paragraphs = page.slice(page.indexOf('3. Upphandling av hemtjänst', page.indexOf('Underskrifter')));
    expectInOrder(paragraphs, ['3. Upphandling av hemtjänst', 'beslutar', 'att anta tilldelningsbeslutet', 'Meddela anbudsgivarna', 'Förvaltningen föredrog ärendet.', ADJUSTED, '4. Bidrag till föreningar', 'att bevilja bidrag']);
    expect(page.split(ADJUSTED).length - 1).toBe(1);
    expect(paragraphs.slice(paragraphs.indexOf('4. Bidrag till föreningar'))).not.toContain(ADJUSTED);
    const docx = Buffer.from(await (await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll.docx`)).arrayBuffer());
    const text = wordText(zipText(readZip(docx), 'word/document.xml')).replace(/\s+/g, ' ');
    expectInOrder(text.slice(text.lastIndexOf('Upphandling av hemtjänst')), ['anta tilldelningsbeslutet', ADJUSTED, 'Bidrag till föreningar']);
    // after the meeting the draft is corrected, but not this paragraph
    await say('punkt 3', 41);
    expect(await say('anteckning Rättelse', 42)).toBe('punkt 3 Upphandling av hemtjänst är omedelbart justerad och kan inte ändras.');
  });

  if (kind === 'pglite') {
    it('gives a Word document LibreOffice reads in order with the sentence where it belongs, each page numbered, no heading last on a page', async () => {
      const doc = (await (await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll`)).json()) as ProtokollDocument;
      const { pages } = await expectReadablePdf(wire, meetingId, 'omedelbar-justering', doc);
      expectInOrder(pages.join('\n').replace(/\s+/g, ' '), ['Upphandling av hemtjänst', 'anta tilldelningsbeslutet', ADJUSTED, 'Bidrag till föreningar']);
    }, 150_000);
  }
});
