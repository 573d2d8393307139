/**
 * Within a paragraph, what is recorded prints in the order it was recorded (INTERFACES.md), checked
 * over the wire: chat commands and the decision form POSTed to /api/messages, then the protokoll read
 * as the tab reads it (GET /api/meetings/{id}/protokoll.html) and as Word. Several clauses share one
 * timestamp (typed in the same instant, or sent together in the decision form) and must keep the
 * order they arrived in; a note typed after the decisions prints after the decision block; nothing
 * is moved, doubled or dropped.
 */
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import { describeEachStore } from '../support/stores';
import { useWire } from '../support/wire';
import { visibleText as visible } from '../support/page-text';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';
import { readZip, wordText, zipText } from '../support/zip-reader';
import { expectInOrder } from '../unit/documents/expect-order';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'e0000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'e0000000-0000-4000-8000-000000000002' };
const rebecca: Person = { id: '29:rebecca', name: 'Rebecca Welander', aadObjectId: 'e0000000-0000-4000-8000-000000000003' };

const at = (minutes: number) => new Date(Date.parse('2024-05-16T07:00:00.000Z') + minutes * 60_000).toISOString();

const count = (text: string, part: string) => text.split(part).length - 1;

/** The clauses, in the order typed; they all carry the same timestamp. */
const TYPED = ['anta budgeten för 2025', 'ge förvaltningen i uppdrag att följa upp budgeten', 'redovisa uppföljningen i september'];
const FORM = ['utse Rebecca Welander att justera paragrafen', 'förklara paragrafen omedelbart justerad', 'skicka beslutet till förvaltningen'];

describeEachStore('a paragraph prints what was recorded in the order it was recorded', (store) => {
  const wire = useWire(store);
  let channel: TeamsChannel;
  let meetingId: string;

  const send = async (activity: any) => {
    const before = wire.connector.messages.length;
    const res = await deliver(wire.app.url, activity);
    expect(res.status).toBeLessThan(300);
    return { body: res.body, replies: wire.connector.messages.slice(before).map((m) => m.text ?? '').join('\n') };
  };
  const say = async (text: string, minute: number) => (await send(channel.message(sandra, text, at(minute)))).replies;

  beforeAll(async () => {
    channel = new TeamsChannel({ teamId: '19:budget-team@thread.tacv2', teamName: 'Budgetgruppen', channelId: '19:budget@thread.tacv2' }, wire.connector.url);
    await send(channel.install(at(-30)));
    await say([
      'ledamöter',
      'Mats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande',
      'Rebecca Welander; verksamhetschef; Region Blekinge; ledamot',
      'Sandra Johansson; processledare LOS; Region Blekinge; sekreterare',
    ].join('\n'), -20);
    await say('beslutsorgan Budgetgruppen', -19);
    await say('ny punkt Budget 2025', -18);
    await send(channel.participants('join', [mats, rebecca, sandra], at(-1)));
    await send(channel.meetingStarted(at(0)));
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.name === 'Budgetgruppen')!;
    meetingId = (await repos.meetings.list(group.id))[0]!.id;
  });

  it('records the paragraph: a note, clauses with one timestamp, the decision form, a note after the decisions, recipients, a last note', async () => {
    expect(await say('punkt 3', 1)).toMatch(/punkt 3 Budget 2025/);
    expect(await say('anteckning Förvaltningen presenterar förslaget till budget.', 2)).toMatch(/sparad under punkt 3/);
    // typed in the same instant (Teams' clock), delivered one after the other
    for (const clause of TYPED) expect(await say(`beslut ${clause}`, 3)).toMatch(/Budgetgruppen beslutar att/);
    // three clauses in one decision form: one activity, one timestamp
    const form = await send(channel.cardAction(sandra, 'decision.record', { meetingId, clauses: FORM.map((c) => `att ${c}`).join('\n') }, at(3)));
    expect(JSON.stringify(form.body)).toMatch(/Budgetgruppen beslutar att utse Rebecca Welander/);
    expect(await say('anteckning Frågan om investeringarna tas upp vid nästa möte.', 4)).toMatch(/sparad under punkt 3/);
    expect(await say('skickas till LSVO, Region Blekinge', 5)).toMatch(/skickas till LSVO, Region Blekinge/);
    expect(await say('anteckning Mötet ajournerades kl. 08.10.', 5)).toMatch(/sparad under punkt 3/);
    expect(await say('avsluta', 20)).toMatch(/avslut/i);
  });

  it('the HTML page prints it in that order, the clauses in one decision block as typed, nothing moved or doubled', async () => {
    const res = await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll.html`);
    expect(res.status).toBe(200);
    const page = visible(await res.text());
    const paragraph = page.slice(page.indexOf('3. Budget 2025', page.indexOf('Underskrifter')));
    const order = [
      '3. Budget 2025',
      'Förvaltningen presenterar förslaget till budget.',
      'Budgetgruppen beslutar',
      ...[...TYPED, ...FORM].map((clause) => `att ${clause}`),
      'Frågan om investeringarna tas upp vid nästa möte.',
      'Protokollet ska skickas till', 'LSVO', 'Region Blekinge',
      'Mötet ajournerades kl. 08.10.',
    ];
    expectInOrder(paragraph, order);
    // no reordering: each part once, so the order above is the only one there is
    for (const part of order) expect({ part, times: count(paragraph, part) }).toEqual({ part, times: 1 });
    // the note typed after the decisions does not stand before the decision block
    expect(paragraph.indexOf('Frågan om investeringarna')).toBeGreaterThan(paragraph.indexOf('att skicka beslutet till förvaltningen'));
  });

  it('the JSON and the Word document say the same, in the same order', async () => {
    const doc = await (await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll`)).json();
    const budget = doc.paragraphs.find((p: any) => p.title === 'Budget 2025');
    expect(budget.content.map((b: any) => b.kind)).toEqual(['text', 'decision', 'text', 'recipients', 'text']);
    expect(budget.content[1].clauses.map((c: any) => c.text)).toEqual([...TYPED, ...FORM]);

    const docx = Buffer.from(await (await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll.docx`)).arrayBuffer());
    const text = wordText(zipText(readZip(docx), 'word/document.xml')).replace(/\s+/g, ' ');
    expectInOrder(text.slice(text.lastIndexOf('Budget 2025')), [
      'Förvaltningen presenterar', 'Budgetgruppen beslutar', ...[...TYPED, ...FORM], 'Frågan om investeringarna', 'Protokollet ska skickas till', 'Mötet ajournerades',
    ]);
  });
});
